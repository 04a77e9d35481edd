using System.Buffers.Binary;
using System.Reflection;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Live;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Timeline;

/// <summary>
/// The one writer of the timeline. A unit of work (a command, a start-up step, a demo step) calls
/// <see cref="Begin"/>, makes its changes, and ends with <see cref="RecordCommandAsync"/> or
/// <see cref="RecordAsync"/>, which saves the changes and appends one event describing them, in the
/// caller's transaction.
/// <para>
/// Writers to one chain are serialised by a transaction-scoped advisory lock on that chain, taken
/// before its head is read, so sequence numbers stay gapless and the chain linear; writers to
/// different chains take different locks and never wait for each other. The lock is released when the
/// transaction commits or rolls back.
/// </para>
/// </summary>
public sealed class TimelineRecorder : IDisposable
{
    /// <summary>Keeps our advisory locks apart from any other user of pg_advisory_xact_lock.</summary>
    private const long LockNamespace = 0x43726973_69734C6B; // "CrisisLk"

    private readonly AppDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ChangeJournal _journal;
    private readonly ILiveSignals _live;
    private readonly CharterCache? _charters;
    private readonly HashSet<Guid> _incidents = [];
    private bool _chartersChanged;
    private readonly HashSet<Guid> _alsoOn = [];

    public TimelineRecorder(AppDbContext db, TimeProvider clock, ILiveSignals live, CharterCache charters)
    {
        _db = db;
        _clock = clock;
        _live = live;
        _charters = charters;
        _journal = new ChangeJournal(db);
    }

    public TimelineRecorder(AppDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
        _live = new NoScreens();
        _journal = new ChangeJournal(db);
    }

    public void Dispose() => _journal.Dispose();

    /// <summary>Starts a unit of work; a retried one starts again, forgetting what the failed attempt touched.</summary>
    public void Begin()
    {
        _journal.Begin();
        _incidents.Clear();
        _chartersChanged = false;
        _alsoOn.Clear();
    }

    /// <summary>
    /// Records the command on another incident's chain as well as its own: a command that joins two incidents (a
    /// merge, a link) belongs to the record of both. The same action and payload go on each chain, so each one tells
    /// the whole story by itself (ADR 0029).
    /// </summary>
    public void AlsoRecordOn(Guid incidentId) => _alsoOn.Add(incidentId);

    /// <summary>
    /// Called by the unit of work once its transaction committed: open screens showing the incidents whose
    /// chains it appended to are told to read again. Never before the commit, so no screen reads a change
    /// that may yet roll back.
    /// </summary>
    public void Committed()
    {
        if (_chartersChanged)
        {
            // This instance's next request must see the change at once, not when the notification arrives.
            _charters?.Invalidate();
            _chartersChanged = false;
        }

        if (_incidents.Count > 0)
        {
            _live.Changed([.. _incidents]);
            _incidents.Clear();
        }
    }

    /// <summary>Ends a command's unit of work: one event, named after the command, by the person who sent it.</summary>
    public async Task<TimelineEvent> RecordCommandAsync(Guid eventId, object command, ICurrentUser user, CancellationToken ct)
    {
        var type = command.GetType();
        var subject = type.GetCustomAttribute<RecordedAsAttribute>()?.Entity
            ?? throw new InvalidOperationException($"{type.Name} changes state but has no [RecordedAs]; it cannot be put on the timeline.");
        var changes = await EndAsync(ct);
        var main = changes.FirstOrDefault(c => c.EntityClrType == subject);
        var entityId = main?.Id ?? (type.GetProperty("Id")?.GetValue(command) is Guid id ? id.ToString() : "");

        var (actorUser, actorOrganisation) = (user.UserId, user.OrganisationId);
        if (!user.IsAuthenticated && main is { Change: "added", EntityClrType.Name: nameof(AppUser) })
        {
            // Self-registration: the new person is who acted.
            actorUser = Guid.Parse(main.Id);
            actorOrganisation = main.Values["organisationId"]?.GetValue<Guid>();
        }

        var chain = command is IIncidentMessage m ? m.IncidentId : ChainOf(subject, main, changes);
        return await AppendOnEachAsync(eventId, chain, actorUser, actorOrganisation, ActionName(type), subject, entityId, changes, _clock.GetUtcNow(), ct);
    }

    /// <summary>The event on its chain and, with the same action and payload, on every other chain named by <see cref="AlsoRecordOn"/>.</summary>
    private async Task<TimelineEvent> AppendOnEachAsync(
        Guid eventId, Guid chain, Guid? actorUser, Guid? actorOrganisation, string action, Type subject, string entityId, IReadOnlyList<RecordedChange> changes, DateTimeOffset at, CancellationToken ct)
    {
        var others = _alsoOn.Where(c => c != chain).ToList();
        if (others.Count > 0)
        {
            // Every chain's lock before any append, in one order, so two commands joining the same incidents never deadlock.
            foreach (var key in others.Append(chain).Select(LockKey).Order())
            {
                await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
            }
        }

        var first = await AppendAsync(eventId, chain, actorUser, actorOrganisation, action, subject, entityId, changes, at, ct);
        foreach (var other in others)
        {
            await AppendAsync(Guid.CreateVersion7(at), other, actorUser, actorOrganisation, action, subject, entityId, changes, at, ct);
        }

        return first;
    }

    /// <summary>Ends a unit of work the system does itself (reference data, demo set-up), at a given time.</summary>
    public async Task<TimelineEvent> RecordAsync(
        string action, Type subject, Guid? actorUser, Guid? actorOrganisation, DateTimeOffset at, CancellationToken ct)
    {
        var changes = await EndAsync(ct);
        var main = changes.FirstOrDefault(c => c.EntityClrType == subject);
        var chain = ChainOf(subject, main, changes);
        return await AppendOnEachAsync(Guid.CreateVersion7(at), chain, actorUser, actorOrganisation, action, subject, main?.Id ?? "", changes, at, ct);
    }

    /// <summary>
    /// The incident the change belongs to — the subject itself if it is an incident, else the incident its
    /// row (or any changed row) names — or the registry when no incident is involved.
    /// </summary>
    private static Guid ChainOf(Type subject, RecordedChange? main, IReadOnlyList<RecordedChange> changes) =>
        subject == typeof(Incident) && main is not null
            ? Guid.Parse(main.Id)
            : main?.IncidentId ?? changes.Select(c => c.IncidentId).FirstOrDefault(id => id is not null) ?? TimelineChains.Registry;

    /// <summary><c>LogIncidentCommand</c> is recorded as <c>LogIncident</c>.</summary>
    public static string ActionName(Type command) =>
        command.Name.EndsWith("Command", StringComparison.Ordinal) ? command.Name[..^"Command".Length] : command.Name;

    public static Task<ChainHead?> HeadAsync(AppDbContext db, Guid chainId, CancellationToken ct) =>
        db.TimelineEvents.AsNoTracking()
            .Where(e => e.ChainId == chainId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new ChainHead(e.Sequence, e.Hash, e.OccurredAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// What the unit of work changed. Its unsaved changes are read from the change tracker and saved later in one
    /// batch with the event (one round trip for both), unless a key is made by the database on insert, which only
    /// saving tells.
    /// </summary>
    private async Task<IReadOnlyList<RecordedChange>> EndAsync(CancellationToken ct)
    {
        if (_db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Properties.Any(p => p.IsTemporary)))
        {
            await _db.SaveChangesAsync(ct);
        }
        else
        {
            _journal.Capture();
        }

        return _journal.End();
    }

    private async Task<TimelineEvent> AppendAsync(
        Guid eventId,
        Guid chainId,
        Guid? actorUser,
        Guid? actorOrganisation,
        string action,
        Type subject,
        string entityId,
        IReadOnlyList<RecordedChange> changes,
        DateTimeOffset at,
        CancellationToken ct)
    {
        if (_db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Timeline events are appended inside the transaction of the change they record.");
        }

        _chartersChanged |= changes.Any(c => c.EntityClrType == typeof(CharterEntry) || c.EntityClrType == typeof(Organisation));
        var payload = CanonicalJson.Write(new JsonObject { ["changes"] = new JsonArray([.. changes.Select(c => c.ToJson())]) });
        var entry = new TimelineEntry(actorUser, actorOrganisation, action, ChangeJournal.EntityName(subject), entityId, payload);

        // An incident added in this very transaction has an empty chain that no other writer can reach before the
        // commit (nobody else can see the incident), so its first event needs neither the lock nor the head.
        var head = StartsChain(chainId, changes)
            ? null
            : await LockedHeadAsync(chainId, ct);
        var e = TimelineEvent.Append(eventId, chainId, head, entry, at);
        _db.TimelineEvents.Add(e);
        if (chainId != TimelineChains.Registry)
        {
            _incidents.Add(chainId);
        }

        await _db.SaveChangesAsync(ct);
        return e;
    }

    private static bool StartsChain(Guid chainId, IReadOnlyList<RecordedChange> changes) =>
        changes.Any(c => c.EntityClrType == typeof(Incident) && c.Change == "added" && Guid.TryParse(c.Id, out var id) && id == chainId);

    private async Task<ChainHead?> LockedHeadAsync(Guid chainId, CancellationToken ct)
    {
        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(chainId)})", ct);
        return await HeadAsync(_db, chainId, ct);
    }

    internal static long LockKey(Guid chainId)
    {
        Span<byte> bytes = stackalloc byte[16];
        chainId.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadInt64BigEndian(bytes[..8]) ^ BinaryPrimitives.ReadInt64BigEndian(bytes[8..]) ^ LockNamespace;
    }
}
