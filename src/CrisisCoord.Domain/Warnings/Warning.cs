using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Warnings;

/// <summary>What a warning says and where; the same for a draft and for each message it issues.</summary>
public sealed record WarningContent(
    string Event,
    string Headline,
    string Description,
    string Instruction,
    IReadOnlyList<CapResponseType> ResponseTypes,
    CapUrgency Urgency,
    CapCertainty Certainty,
    string Audience,
    DateTimeOffset? Onset,
    DateTimeOffset? Effective,
    DateTimeOffset Expires,
    WarningScope Scope,
    string Restriction,
    IReadOnlyList<Guid> Recipients,
    IReadOnlyList<WarningArea> Areas);

/// <summary>
/// A public warning about an incident, in the warning phase or later. Drafted, approved and published as a CAP
/// Alert, changed by Updates, ended by a Cancel or by expiring (its time passes, or the incident closes). Each
/// message issued is kept, unchanged, as a <see cref="WarningMessage"/>.
/// </summary>
public sealed class Warning
{
    public const int EventMaxLength = 100;
    public const int HeadlineMaxLength = 160;
    public const int TextMaxLength = 4000;
    public const int AudienceMaxLength = 200;
    public const int RestrictionMaxLength = 500;
    public const int MaxAreas = 20;
    public const int MaxRecipients = 50;

    private Warning()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public WarningState State { get; private set; }

    /// <summary>Actual or Exercise, chosen when drafted (incidents carry no drill flag) and never changed.</summary>
    public WarningStatus Status { get; private set; }

    public string Event { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Instruction { get; private set; } = "";

    public IReadOnlyList<CapResponseType> ResponseTypes { get; private set; } = [];

    public CapUrgency Urgency { get; private set; }

    public CapCertainty Certainty { get; private set; }

    public string Audience { get; private set; } = "";

    public DateTimeOffset? Onset { get; private set; }

    public DateTimeOffset? Effective { get; private set; }

    public DateTimeOffset Expires { get; private set; }

    public WarningScope Scope { get; private set; }

    /// <summary>CAP <c>restriction</c>: who the warning is for, in words, when it is Restricted.</summary>
    public string Restriction { get; private set; } = "";

    /// <summary>The organisations a Restricted warning goes to.</summary>
    public Guid[] Recipients { get; private set; } = [];

    public IReadOnlyList<WarningArea> Areas { get; private set; } = [];

    public Guid DraftedByUserId { get; private set; }

    public Guid DraftedByOrganisationId { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    /// <summary>Who approved it for publication, and for which organisation (its CAP senderName).</summary>
    public Guid? PublishedByUserId { get; private set; }

    public Guid? PublishedByOrganisationId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>How many CAP messages it has issued; the next one's number is this plus one.</summary>
    public int MessageCount { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; private set; }

    public bool IsIssued => State is not WarningState.Draft && MessageCount > 0;

    /// <summary>Published or updated, and its time has not run out: what the public sees now.</summary>
    public bool IsLive(DateTimeOffset now) => State is WarningState.Published or WarningState.Updated && Expires > now;

    public static Warning Draft(Guid incidentId, WarningStatus status, WarningContent content, Guid byUser, Guid byOrganisation, DateTimeOffset now)
    {
        var at = Microseconds.Truncate(now);
        var warning = new Warning
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            State = WarningState.Draft,
            Status = status,
            DraftedByUserId = byUser,
            DraftedByOrganisationId = byOrganisation,
            DraftedAt = at,
            StateChangedAt = at,
        };
        warning.Apply(content);
        return warning;
    }

    /// <summary>
    /// Changes what the warning says. A draft just changes; a warning already out must tell its readers, so the
    /// answer is the message to issue (an Update), or null for a draft.
    /// </summary>
    public CapMessageType? Edit(WarningContent content, DateTimeOffset now)
    {
        if (State is WarningState.Cancelled or WarningState.Expired)
        {
            throw new DomainRuleException(new("Rule.Warning.Over", "The warning is {0}; it can no longer be changed. Draft a new one.", new Term(State, Lower: true)));
        }

        Apply(content);
        if (State == WarningState.Draft)
        {
            return null;
        }

        EnsureNotExpired(now);
        return Issue(WarningState.Updated, now);
    }

    /// <summary>Approves the draft: it goes out as a CAP Alert in the approver's organisation's name.</summary>
    public CapMessageType Publish(Guid byUser, Guid byOrganisation, DateTimeOffset now)
    {
        if (State != WarningState.Draft)
        {
            throw new DomainRuleException(new("Rule.Warning.OnlyDraftPublished", "The warning is already {0}; only a draft is published.", new Term(State, Lower: true)));
        }

        EnsureNotExpired(now);
        PublishedByUserId = byUser;
        PublishedByOrganisationId = byOrganisation;
        PublishedAt = Microseconds.Truncate(now);
        return Issue(WarningState.Published, now);
    }

    /// <summary>
    /// Withdraws the warning. One that went out is cancelled with a CAP Cancel; a draft that never went out is
    /// simply set aside (null: nothing to issue).
    /// </summary>
    public CapMessageType? Cancel(DateTimeOffset now)
    {
        switch (State)
        {
            case WarningState.Draft:
                Move(WarningState.Cancelled, now);
                return null;
            case WarningState.Published or WarningState.Updated:
                return Issue(WarningState.Cancelled, now);
            default:
                throw new DomainRuleException(new("Rule.Warning.Already", "The warning is already {0}.", new Term(State, Lower: true)));
        }
    }

    /// <summary>
    /// The incident closed: a warning still live ends now. It issues an Update whose <c>expires</c> is now, so
    /// every reader of the feed sees it end; drafts and warnings already over are left as they are.
    /// </summary>
    public CapMessageType? ExpireWithIncident(DateTimeOffset now)
    {
        if (State is not (WarningState.Published or WarningState.Updated))
        {
            return null;
        }

        var at = WholeSeconds(now);
        if (Expires > at)
        {
            Expires = at;
        }

        return Issue(WarningState.Expired, now);
    }

    /// <summary>Why the content cannot be issued as it stands, or null. Times must be in order and the end not passed.</summary>
    private void EnsureNotExpired(DateTimeOffset now)
    {
        if (Expires <= now)
        {
            throw new DomainRuleException(new("Rule.Warning.Expired", "The warning's expiry time has passed; set a later expiry before it goes out."));
        }
    }

    private CapMessageType Issue(WarningState to, DateTimeOffset now)
    {
        var type = MessageCount == 0 ? CapMessageType.Alert : to == WarningState.Cancelled ? CapMessageType.Cancel : CapMessageType.Update;
        MessageCount++;
        Move(to, now);
        return type;
    }

    private void Move(WarningState to, DateTimeOffset now)
    {
        State = to;
        StateChangedAt = Microseconds.Truncate(now);
    }

    private void Apply(WarningContent content)
    {
        if (content.Areas.Count == 0)
        {
            throw new ArgumentException("A warning covers at least one area.", nameof(content));
        }

        if (content.Effective is { } effective && content.Expires <= effective)
        {
            throw new ArgumentException("A warning expires after it takes effect.", nameof(content));
        }

        Event = content.Event.Trim();
        Headline = content.Headline.Trim();
        Description = content.Description.Trim();
        Instruction = content.Instruction.Trim();
        ResponseTypes = [.. content.ResponseTypes.Distinct()];
        Urgency = content.Urgency;
        Certainty = content.Certainty;
        Audience = content.Audience.Trim();
        // CAP times have whole seconds: what is stored is what the messages say.
        Onset = content.Onset is { } onset ? WholeSeconds(onset) : null;
        Effective = content.Effective is { } from ? WholeSeconds(from) : null;
        Expires = WholeSeconds(content.Expires);
        Scope = content.Scope;
        Restriction = content.Scope == WarningScope.Restricted ? content.Restriction.Trim() : "";
        Recipients = content.Scope == WarningScope.Restricted ? [.. content.Recipients.Distinct()] : [];
        Areas = [.. content.Areas.Select(a => a with { Description = a.Description.Trim() })];
    }

    public static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
