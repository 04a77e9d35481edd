using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;

namespace CrisisCoord.Domain.Recovery;

/// <summary>
/// A place where people displaced by an incident sleep, run by one organisation: how many it holds (capacity) and how
/// many are there now (occupancy, never above capacity).
/// </summary>
public sealed class Shelter
{
    public const int NameMaxLength = 200;
    public const int PlaceNameMaxLength = 200;

    /// <summary>More beds than any one shelter has; a larger number is a typing slip.</summary>
    public const int MaxCapacity = 1_000_000;

    private Shelter()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    /// <summary>The organisation running the shelter.</summary>
    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string PlaceName { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public int Capacity { get; private set; }

    public int Occupancy { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Shelter Open(Guid incidentId, Guid organisationId, string name, GeoPlace place, int capacity, int occupancy, DateTimeOffset now)
    {
        if (capacity is < 1 or > MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), $"A shelter holds between 1 and {MaxCapacity} people.");
        }

        if (!GeoPoint.IsValidLatitude(place.Latitude) || !GeoPoint.IsValidLongitude(place.Longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(place), "The position is not a valid WGS84 point.");
        }

        var at = Microseconds.Truncate(now);
        var shelter = new Shelter
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            OrganisationId = organisationId,
            Name = name.Trim(),
            PlaceName = place.Name.Trim(),
            Latitude = place.Latitude,
            Longitude = place.Longitude,
            Capacity = capacity,
            OpenedAt = at,
        };
        shelter.SetOccupancy(occupancy, at);
        return shelter;
    }

    public void SetOccupancy(int occupancy, DateTimeOffset now)
    {
        if (WhyNotOccupancy(occupancy, Capacity) is { } why)
        {
            throw new DomainRuleException(why);
        }

        Occupancy = occupancy;
        UpdatedAt = Microseconds.Truncate(now);
    }

    /// <summary>Why so many people cannot be in a shelter of this capacity; null if they can.</summary>
    public static Phrase? WhyNotOccupancy(int occupancy, int capacity) =>
        occupancy < 0 ? new("Rule.Shelter.OccupancyNegative", "Occupancy is 0 or more.")
        : occupancy > capacity ? new("Rule.Shelter.OverCapacity", "Occupancy ({0}) is over the shelter's capacity ({1}); open another shelter for the rest.", occupancy, capacity)
        : null;
}
