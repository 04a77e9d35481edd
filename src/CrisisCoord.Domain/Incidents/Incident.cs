using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Incidents;

public sealed class Incident
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceNameMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private Incident()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public IncidentCategory Category { get; private set; }

    public Severity Severity { get; private set; }

    public IncidentState State { get; private set; }

    public string PlaceName { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>When the incident was logged (UTC, microsecond precision as stored).</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>When the state last changed (UTC).</summary>
    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>The organisation whose member logged it.</summary>
    public Guid? ReportedByOrganisationId { get; private set; }

    /// <summary>The person who logged it.</summary>
    public Guid? ReportedByUserId { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; private set; }

    public static Incident Report(
        string title,
        string description,
        IncidentCategory category,
        Severity severity,
        string placeName,
        double latitude,
        double longitude,
        DateTimeOffset now,
        Reporter? reporter = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("An incident needs a title.", nameof(title));
        }

        if (!GeoPoint.IsValidLatitude(latitude) || !GeoPoint.IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), "The position is not a valid WGS84 point.");
        }

        var reportedAt = TruncateToMicroseconds(now.ToUniversalTime());
        return new Incident
        {
            // Version 7 ids sort by creation time, which keeps the primary-key index append-mostly.
            Id = Guid.CreateVersion7(reportedAt),
            Title = title.Trim(),
            Description = description.Trim(),
            Category = category,
            Severity = severity,
            State = IncidentState.Reported,
            PlaceName = placeName.Trim(),
            Latitude = latitude,
            Longitude = longitude,
            ReportedAt = reportedAt,
            StateChangedAt = reportedAt,
            ReportedByOrganisationId = reporter?.OrganisationId,
            ReportedByUserId = reporter?.UserId,
        };
    }

    public void TransitionTo(IncidentState to, DateTimeOffset now)
    {
        if (!IncidentStateMachine.CanTransition(State, to))
        {
            throw new DomainRuleException($"An incident in state {State} cannot move to {to}.");
        }

        State = to;
        StateChangedAt = TruncateToMicroseconds(now.ToUniversalTime());
    }

    // PostgreSQL keeps microseconds; truncating here means what we return equals what we stored.
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), TimeSpan.Zero);
}

/// <summary>Who logged an incident: a person and the organisation they act for.</summary>
public sealed record Reporter(Guid UserId, Guid OrganisationId);
