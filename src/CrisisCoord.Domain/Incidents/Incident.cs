using CrisisCoord.Domain.Common;

using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.Domain.Incidents;

public sealed class Incident
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceNameMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    /// <summary>The grade a report without one is handled under until it is verified: the lowest, which any government body may verify.</summary>
    public const Severity ProvisionalGrade = Severity.IV;

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

    /// <summary>Why the incident is in its current state, as the person who moved it gave it.</summary>
    public string StateReason { get; private set; } = "";

    /// <summary>The government organisation leading the response, once one is named.</summary>
    public Guid? LeadOrganisationId { get; private set; }

    /// <summary>The severity outgrew the lead's level: a higher-level lead must take over.</summary>
    public bool EscalationRequired { get; private set; }

    /// <summary>Why the severity was last set, when it was changed after the report.</summary>
    public string SeverityReason { get; private set; } = "";

    /// <summary>
    /// The reporter gave no grade: <see cref="Severity"/> holds <see cref="ProvisionalGrade"/>, the grade the rules
    /// assume (any government body may verify it), until a verifier grades it.
    /// </summary>
    public bool AwaitingGrade { get; private set; }

    /// <summary>The incident this one was merged into as its duplicate (state <see cref="IncidentState.Merged"/>).</summary>
    public Guid? MergedIntoIncidentId { get; private set; }

    /// <summary>
    /// The area the incident covers, as a closed polygon in CAP's form (<c>lat,lon lat,lon …</c>, the first point
    /// repeated last); "" for none.
    /// </summary>
    public string Area { get; private set; } = "";

    /// <summary>Why the description, place or area was last corrected.</summary>
    public string DetailsReason { get; private set; } = "";

    /// <summary>Concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; private set; }

    public static Incident Report(
        string title,
        string description,
        IncidentCategory category,
        Severity? severity,
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

        var reportedAt = Microseconds.Truncate(now);
        return new Incident
        {
            // Version 7 ids sort by creation time, which keeps the primary-key index append-mostly.
            Id = Guid.CreateVersion7(reportedAt),
            Title = title.Trim(),
            Description = description.Trim(),
            Category = category,
            Severity = severity ?? ProvisionalGrade,
            AwaitingGrade = severity is null,
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

    public void TransitionTo(IncidentState to, string reason, DateTimeOffset now)
    {
        if (!IncidentStateMachine.CanTransition(State, to))
        {
            var next = IncidentStateMachine.NextStates(State);
            throw new DomainRuleException(next.Count == 0
                ? new("Rule.Incident.NoMoveAtAll", "The incident is {0}; it cannot move to {1} or any other state.", new Term(State), new Term(to))
                : new("Rule.Incident.NoMove", "An incident in state {0} cannot move to {1}; it can move to {2}.", new Term(State), new Term(to), new Either([.. next.Select(s => new Term(s))])));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A change of state needs a reason.", nameof(reason));
        }

        if (AwaitingGrade && IsVerification(to))
        {
            throw new DomainRuleException(new("Rule.Incident.NeedsGrade", NeedsGradeMessage));
        }

        State = to;
        StateReason = reason.Trim();
        StateChangedAt = Microseconds.Truncate(now);
    }

    /// <summary>
    /// Corrects what the incident says about itself (description, place, area) with the reason, which the timeline
    /// records with the change. Refused on a closed incident, or when nothing would change.
    /// </summary>
    public void Correct(string description, string placeName, double latitude, double longitude, IReadOnlyList<LatLon>? area, string reason)
    {
        State.EnsureOpen();
        if (!GeoPoint.IsValidLatitude(latitude) || !GeoPoint.IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), "The position is not a valid WGS84 point.");
        }

        if (string.IsNullOrWhiteSpace(placeName) || string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A correction needs a place name and a reason.", nameof(reason));
        }

        var text = area is { Count: > 0 } points ? WarningArea.FormatPolygon(points) : "";
        if (description.Trim() == Description && placeName.Trim() == PlaceName && latitude == Latitude && longitude == Longitude && text == Area)
        {
            throw new DomainRuleException(new("Rule.Incident.NothingChanges", "Nothing would change: the description, place and area are already as given."));
        }

        Description = description.Trim();
        PlaceName = placeName.Trim();
        Latitude = latitude;
        Longitude = longitude;
        Area = text;
        DetailsReason = reason.Trim();
    }

    /// <summary>
    /// Closes this incident as a duplicate of <paramref name="target"/>. Refused into itself, from or into an incident
    /// that is no longer open; and since a merged incident is never open again, no chain of merges can ever lead back
    /// to where it started (the target's own merge, if any, is named in the refusal).
    /// </summary>
    public void MergeInto(Incident target, string reason, DateTimeOffset now)
    {
        if (target.Id == Id)
        {
            throw new DomainRuleException(new("Rule.Incident.MergeIntoItself", CannotMergeIntoItself));
        }

        State.EnsureOpen();
        if (target.MergedIntoIncidentId is { } further)
        {
            throw new DomainRuleException(new("Rule.Incident.TargetMerged", "'{0}' was itself merged into another incident ({1}); merge into that one instead.", target.Title, further));
        }

        if (target.State.WhyNotOpen() is { } closed)
        {
            throw new DomainRuleException(new("Rule.Incident.TargetClosed", "'{0}' cannot take a duplicate: {1}", target.Title, new LowerFirst(closed)));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A merge needs a reason.", nameof(reason));
        }

        State = IncidentState.Merged;
        MergedIntoIncidentId = target.Id;
        StateReason = reason.Trim();
        StateChangedAt = Microseconds.Truncate(now);
    }

    public const string CannotMergeIntoItself = "An incident cannot be merged into itself; choose the incident it duplicates.";

    public const string NeedsGradeMessage = "This report has no grade yet: choose one (I to IV) as you verify it.";

    /// <summary>Whether moving to <paramref name="to"/> verifies this incident: it is an unverified report taken into warning or response.</summary>
    public bool IsVerification(IncidentState to) => State == IncidentState.Reported && to is IncidentState.Warning or IncidentState.Response;

    /// <summary>
    /// Verifies a report (into warning or response) and, when the verifier gives one, sets its grade — required if the
    /// reporter gave none. Past the lead's level, if there is a lead, the incident needs escalation as on a re-grade.
    /// </summary>
    public void Verify(IncidentState to, string reason, Severity? grade, AdministrativeLevel? leadLevel, GradedResponse rules, DateTimeOffset now)
    {
        if (!IsVerification(to))
        {
            throw new DomainRuleException(new("Rule.Incident.VerifyOnlyReported", "Only an unverified report is verified, into Warning or Response; this incident is {0}.", new Term(State)));
        }

        if (grade is { } given)
        {
            Severity = given;
            AwaitingGrade = false;
            SeverityReason = reason.Trim();
            EscalationRequired = leadLevel is { } level && level < rules.MinimumLeadLevel(given);
        }

        TransitionTo(to, reason, now);
    }

    /// <summary>
    /// Re-grades the incident. If the lead's level is now below what the grade needs, the incident is
    /// marked <see cref="EscalationRequired"/> until a qualified lead takes over; lowering the grade back
    /// within the lead's reach clears it.
    /// </summary>
    public void ChangeSeverity(Severity severity, string reason, AdministrativeLevel? leadLevel, GradedResponse rules)
    {
        State.EnsureOpen();

        if (severity == Severity && !AwaitingGrade)
        {
            throw new DomainRuleException(new("Rule.Incident.AlreadyGrade", "The incident is already grade {0}.", new Term(severity)));
        }

        Severity = severity;
        AwaitingGrade = false;
        SeverityReason = reason.Trim();
        EscalationRequired = leadLevel is { } level && level < rules.MinimumLeadLevel(severity);
    }

    /// <summary>Names the lead: a government organisation at or above the level the grade needs.</summary>
    public void AssignLead(Guid organisationId, string name, OrganisationKind kind, AdministrativeLevel level, GradedResponse rules)
    {
        State.EnsureOpen();

        if (rules.WhyNotLead(kind, level, Severity, name) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        LeadOrganisationId = organisationId;
        EscalationRequired = false;
    }
}

/// <summary>Who logged an incident: a person and the organisation they act for.</summary>
public sealed record Reporter(Guid UserId, Guid? OrganisationId);
