using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.Domain.CheckIns;

public enum CheckInStatus
{
    /// <summary>"I am safe."</summary>
    Safe,

    /// <summary>"I need help."</summary>
    NeedsHelp,
}

/// <summary>
/// One person's word, during an incident's response, that they are safe or need help, and where. Only the person and
/// the incident's coordinators read it; a coordinator may turn a call for help into a task, which the check-in then
/// names so the person sees someone is on it.
/// </summary>
public sealed class CheckIn
{
    public const int NoteMaxLength = 1000;
    public const int PlaceNameMaxLength = 200;

    /// <summary>How far from the incident's point (when it has no area, or outside it) a person still counts as near it.</summary>
    public const double NearRadiusKm = 30;

    private CheckIn()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The organisation the person acted for when they checked in; null for a private citizen.</summary>
    public Guid? OrganisationId { get; private set; }

    public CheckInStatus Status { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public string PlaceName { get; private set; } = "";

    public string Note { get; private set; } = "";

    public DateTimeOffset PostedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The task a coordinator made of this call for help: someone is on it.</summary>
    public Guid? TaskId { get; private set; }

    public uint Version { get; private set; }

    public static CheckIn Post(Guid incidentId, Guid userId, Guid? organisationId, CheckInStatus status, double latitude, double longitude, string placeName, string note, DateTimeOffset now)
    {
        var at = Microseconds.Truncate(now);
        var checkIn = new CheckIn
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            UserId = userId,
            OrganisationId = organisationId,
            PostedAt = at,
        };
        checkIn.Update(status, latitude, longitude, placeName, note, at);
        return checkIn;
    }

    /// <summary>The person says again how and where they are (e.g. safe now, after needing help).</summary>
    public void Update(CheckInStatus status, double latitude, double longitude, string placeName, string note, DateTimeOffset now)
    {
        if (!GeoPoint.IsValidLatitude(latitude) || !GeoPoint.IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), "The position is not a valid WGS84 point.");
        }

        Status = status;
        Latitude = latitude;
        Longitude = longitude;
        PlaceName = placeName.Trim();
        Note = note.Trim();
        UpdatedAt = Microseconds.Truncate(now);
    }

    /// <summary>A coordinator made a task of this call for help.</summary>
    public void HandOver(Guid taskId)
    {
        if (WhyNotHandOver(Status, TaskId) is { } why)
        {
            throw new DomainRuleException(why);
        }

        TaskId = taskId;
    }

    public static Phrase? WhyNotHandOver(CheckInStatus status, Guid? taskId) =>
        taskId is not null ? new("Rule.CheckIn.AlreadyHandled", "This check-in is already being handled: a task was made of it.")
        : status != CheckInStatus.NeedsHelp ? new("Rule.CheckIn.Safe", "The person says they are safe; only a call for help becomes a task.")
        : null;

    /// <summary>
    /// Whether a point is in or near the incident: inside its area when it has one, or within
    /// <see cref="NearRadiusKm"/> of its point (an area drawn tight must not shut out the people on its edge).
    /// </summary>
    public static bool IsNear(Incident incident, double latitude, double longitude)
    {
        if (GeoMath.DistanceKm(incident.Latitude, incident.Longitude, latitude, longitude) <= NearRadiusKm)
        {
            return true;
        }

        return incident.Area.Length > 0
            && WarningArea.ParsePolygon(incident.Area).Points is { } polygon
            && GeoMath.Touches(polygon, new GeoCircle(latitude, longitude, 0));
    }
}
