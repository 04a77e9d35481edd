using CrisisCoord.Domain.Common;
namespace CrisisCoord.Domain.Timeline;

/// <summary>
/// One entry in a hash chain: what changed, when, and who did it. Events are only ever appended;
/// each one's <see cref="Hash"/> covers every other column and the previous event's hash, so
/// changing, removing or reordering any of them breaks the chain from that point on.
/// </summary>
public sealed class TimelineEvent
{
    public const int ActionMaxLength = 64;
    public const int EntityTypeMaxLength = 64;
    public const int EntityIdMaxLength = 100;

    private TimelineEvent()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The chain: an incident's id, or <see cref="TimelineChains.Registry"/>.</summary>
    public Guid ChainId { get; private set; }

    /// <summary>1, 2, 3… within the chain, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>UTC, to the microsecond (what PostgreSQL stores), never earlier than the previous event's.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who acted; null when the system itself did (start-up reference data, demo set-up).</summary>
    public Guid? ActorUserId { get; private set; }

    public Guid? ActorOrganisationId { get; private set; }

    /// <summary>The command, e.g. <c>LogIncident</c>.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>Canonical JSON of the command's effect, stored exactly as it was hashed.</summary>
    public string Payload { get; private set; } = "";

    public byte[] PreviousHash { get; private set; } = [];

    public byte[] Hash { get; private set; } = [];

    /// <summary>An event exactly as stored, for readers that verify a chain without EF (the audit tool).</summary>
    public static TimelineEvent Stored(
        Guid id,
        Guid chainId,
        long sequence,
        DateTimeOffset occurredAt,
        Guid? actorUserId,
        Guid? actorOrganisationId,
        string action,
        string entityType,
        string entityId,
        string payload,
        byte[] previousHash,
        byte[] hash) => new()
        {
            Id = id,
            ChainId = chainId,
            Sequence = sequence,
            OccurredAt = occurredAt,
            ActorUserId = actorUserId,
            ActorOrganisationId = actorOrganisationId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Payload = payload,
            PreviousHash = previousHash,
            Hash = hash,
        };

    /// <summary>
    /// The event that follows <paramref name="head"/> (null for a chain's first event). The caller must
    /// hold the chain's lock between reading the head and saving this event.
    /// </summary>
    public static TimelineEvent Append(Guid id, Guid chainId, ChainHead? head, TimelineEntry entry, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        var at = Microseconds.Truncate(now);
        if (head is not null && at < head.OccurredAt)
        {
            // A clock stepped back: the record keeps time in order rather than claim an earlier moment.
            at = head.OccurredAt;
        }

        var e = new TimelineEvent
        {
            Id = id,
            ChainId = chainId,
            Sequence = (head?.Sequence ?? 0) + 1,
            OccurredAt = at,
            ActorUserId = entry.ActorUserId,
            ActorOrganisationId = entry.ActorOrganisationId,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            Payload = entry.Payload,
            PreviousHash = head?.Hash ?? TimelineHash.Genesis,
        };
        e.Hash = TimelineHash.Compute(e);
        return e;
    }
}

/// <summary>What a command did, before it is placed in a chain.</summary>
public sealed record TimelineEntry(
    Guid? ActorUserId,
    Guid? ActorOrganisationId,
    string Action,
    string EntityType,
    string EntityId,
    string Payload);

/// <summary>The last event of a chain.</summary>
public sealed record ChainHead(long Sequence, byte[] Hash, DateTimeOffset OccurredAt);

/// <summary>Which chain a change belongs to.</summary>
public static class TimelineChains
{
    /// <summary>The registry chain: organisations, charters, people and resources outside incidents.</summary>
    public static readonly Guid Registry = Guid.Empty;

    public const string RegistryName = "registry";

    /// <summary>How a chain is named in URLs and exports: <c>registry</c>, or the incident's id.</summary>
    public static string Format(Guid chainId) => chainId == Registry ? RegistryName : chainId.ToString("D");

    public static string NotAChain(string? text) => $"'{text}' is not a chain: give 'registry' or an incident's id.";

    public static bool TryParse(string? text, out Guid chainId)
    {
        chainId = Registry;
        return string.Equals(text?.Trim(), RegistryName, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(text, out chainId) && chainId != Registry);
    }
}
