using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrisisCoord.Application.Behaviours;

/// <summary>
/// Wraps each command in one database transaction inside EF's execution strategy, saves the handler's
/// changes, and appends the command's one timeline event in that same transaction, so the record and
/// the change it describes commit or vanish together. A transient failure retries the whole command
/// from a clean change tracker; a commit whose acknowledgement was lost is recognised by its event's
/// pre-assigned id rather than run twice. Any exception rolls everything back, so a refused command
/// writes nothing. A write based on a stale row version becomes <see cref="StaleWriteException"/> here,
/// for every command.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(AppDbContext db, TimelineRecorder timeline, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await ExecuteAsync(strategy, message, next, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // The row changed since the writer read it (xmin): one answer for every command.
            var entry = ex.Entries.FirstOrDefault();
            throw new StaleWriteException(
                entry?.Metadata.ClrType.Name ?? "record",
                entry?.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue).FirstOrDefault() ?? "");
        }
    }

    private async ValueTask<TResponse> ExecuteAsync(
        IExecutionStrategy strategy,
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var eventId = Guid.Empty;
        var response = default(TResponse)!;
        return await strategy.ExecuteAsync(
            (message, next),
            async (_, state, ct) =>
            {
                db.ChangeTracker.Clear();
                eventId = Guid.CreateVersion7();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                timeline.Begin();
                response = await state.next(state.message, ct);
                await timeline.RecordCommandAsync(eventId, state.message, user, ct);
                await transaction.CommitAsync(ct);
                timeline.Committed();
                return response;
            },
            async (_, _, ct) => new ExecutionResult<TResponse>(
                await db.TimelineEvents.AsNoTracking().AnyAsync(e => e.Id == eventId, ct), response),
            cancellationToken);
    }
}
