namespace CrisisCoord.Domain.Reviews;

/// <summary>What a note on an after-action review is: a coordinator's finding or lesson, or an auditor's comment.</summary>
public enum ReviewNoteKind
{
    /// <summary>Something that happened and should be known.</summary>
    Finding,

    /// <summary>Something to do differently next time.</summary>
    Lesson,

    /// <summary>An auditor's remark on the review.</summary>
    Comment,
}

/// <summary>One finding, lesson or comment written on an incident's after-action review.</summary>
public sealed class ReviewNote
{
    public const int TextMaxLength = 2000;

    private ReviewNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public ReviewNoteKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    public Guid? WrittenByUserId { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    public static ReviewNote Write(Guid incidentId, ReviewNoteKind kind, string text, Guid organisationId, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        IncidentId = incidentId,
        Kind = kind,
        Text = text.Trim(),
        OrganisationId = organisationId,
        WrittenByUserId = by,
        WrittenAt = now,
    };
}

/// <summary>
/// The lead's signature under an incident's after-action review: the SHA-256 of the review's content as it
/// stood, through the chain's event <see cref="ThroughSequence"/>. One per incident; after it the review is frozen.
/// </summary>
public sealed class ReviewSignature
{
    private ReviewSignature()
    {
    }

    public Guid IncidentId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the review's canonical JSON.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>The last event of the incident's chain the signed review covers.</summary>
    public long ThroughSequence { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? SignedByUserId { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    public static ReviewSignature Sign(Guid incidentId, string contentHash, long throughSequence, Guid organisationId, Guid? by, DateTimeOffset now) => new()
    {
        IncidentId = incidentId,
        ContentHash = contentHash,
        ThroughSequence = throughSequence,
        OrganisationId = organisationId,
        SignedByUserId = by,
        SignedAt = now,
    };
}
