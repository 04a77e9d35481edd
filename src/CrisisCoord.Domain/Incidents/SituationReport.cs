namespace CrisisCoord.Domain.Incidents;

/// <summary>An organisation's picture of the situation at a moment: what it sees, what it did, what it needs.</summary>
public sealed class SituationReport
{
    public const int TextMaxLength = 2000;
    public const int MaxCount = 10_000_000;

    private SituationReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string Summary { get; private set; } = "";

    public int? Casualties { get; private set; }

    public int? PeopleAffected { get; private set; }

    public string Needs { get; private set; } = "";

    public string ActionsTaken { get; private set; } = "";

    public string NextSteps { get; private set; } = "";

    public static SituationReport Submit(
        Guid incidentId, Guid organisationId, Guid? by, string summary, int? casualties, int? peopleAffected,
        string needs, string actionsTaken, string nextSteps, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            OrganisationId = organisationId,
            SubmittedByUserId = by,
            SubmittedAt = now,
            Summary = summary.Trim(),
            Casualties = casualties,
            PeopleAffected = peopleAffected,
            Needs = needs.Trim(),
            ActionsTaken = actionsTaken.Trim(),
            NextSteps = nextSteps.Trim(),
        };
}

/// <summary>A short update on the incident's shared log, from one organisation to all taking part.</summary>
public sealed class LogEntry
{
    public const int TextMaxLength = 500;

    private LogEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? PostedByUserId { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public string Text { get; private set; } = "";

    public static LogEntry Post(Guid incidentId, Guid organisationId, Guid? by, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        IncidentId = incidentId,
        OrganisationId = organisationId,
        PostedByUserId = by,
        PostedAt = now,
        Text = text.Trim(),
    };
}
