using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrisisCoord.Bench;

/// <summary>
/// Makes the timeline event of a generated change the way the portal makes it: the product's
/// <see cref="ChangeJournal"/> reads the change from EF's change tracker, <see cref="CanonicalJson"/> writes the
/// payload and <see cref="TimelineEvent.Append"/> links and hashes it. Nothing is saved through EF (the rows go in
/// by COPY), so each step costs memory and CPU, not a round trip, and a million events stay cheap to make.
/// </summary>
public sealed class ChangeHistory : IDisposable
{
    private readonly AppDbContext _db;
    private readonly ChangeJournal _journal;

    public ChangeHistory(string connectionString)
    {
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options);
        _journal = new ChangeJournal(_db);
    }

    public IModel Model => _db.Model;

    /// <summary>
    /// One step on <paramref name="chain"/>: <paramref name="change"/> adds or changes entities (attach an existing
    /// one before changing it), and the event that records it is appended at <paramref name="at"/>.
    /// </summary>
    public TimelineEvent Step(Chain chain, string action, Type subject, Guid? actorUser, Guid? actorOrganisation, DateTimeOffset at, Action<AppDbContext> change)
    {
        _journal.Begin();
        change(_db);
        _journal.Capture();
        var changes = _journal.End();
        _db.ChangeTracker.Clear();

        var main = changes.FirstOrDefault(c => c.EntityClrType == subject);
        var payload = CanonicalJson.Write(new JsonObject { ["changes"] = new JsonArray([.. changes.Select(c => c.ToJson())]) });
        var entry = new TimelineEntry(actorUser, actorOrganisation, action, ChangeJournal.EntityName(subject), main?.Id ?? "", payload);
        var e = TimelineEvent.Append(Guid.CreateVersion7(at), chain.Id, chain.Head, entry, at);
        chain.Head = new ChainHead(e.Sequence, e.Hash, e.OccurredAt);
        return e;
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>A chain being extended: its id and its last event so far (null before the first).</summary>
public sealed class Chain(Guid id, ChainHead? head)
{
    public Guid Id { get; } = id;

    public ChainHead? Head { get; set; } = head;
}
