using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrisisCoord.Application.Data;

/// <summary>
/// Counts the writes this process makes through EF (saves, and commits, which also end raw commands run in a
/// transaction), so what is computed from many rows can be kept until the next write rather than recomputed on every
/// read (<see cref="SharedReads"/>). A save and the commit after it both count: a read
/// between the two sees neither, and must not outlive the commit. One counter for the whole process, like
/// <see cref="RoundTrips"/>: every context made here carries it.
/// </summary>
public sealed class WriteCounter : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private long _count;

    public static WriteCounter Instance { get; } = new();

    public long Count => Interlocked.Read(ref _count);

    /// <summary>A write EF did not see: a raw command outside any transaction.</summary>
    public void Add() => Interlocked.Increment(ref _count);

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Add();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Add();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add();
        return Task.CompletedTask;
    }
}
