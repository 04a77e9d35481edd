using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;

namespace CrisisCoord.Domain.Recovery;

/// <summary>
/// Relief handed out on an incident: so much of one of the distributing organisation's resources, at a place (or a
/// shelter), to so many households. What is handed out is consumed: it left the resource's stock for good.
/// </summary>
public sealed class ReliefDistribution
{
    public const int PlaceNameMaxLength = 200;
    public const int NotesMaxLength = 2000;

    /// <summary>More households than any one hand-out reaches; a larger number is a typing slip.</summary>
    public const int MaxHouseholds = 1_000_000;

    private ReliefDistribution()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    /// <summary>The organisation that handed it out, from its own stock.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid ResourceTypeId { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>The shelter it was handed out at, if any; the place is then the shelter's.</summary>
    public Guid? ShelterId { get; private set; }

    public string PlaceName { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public int Households { get; private set; }

    public string Notes { get; private set; } = "";

    public Guid? DistributedBy { get; private set; }

    public DateTimeOffset DistributedAt { get; private set; }

    /// <summary>Records the hand-out; the caller has already taken <paramref name="quantity"/> out of the resource's stock.</summary>
    public static ReliefDistribution Record(
        Guid incidentId, Guid organisationId, Guid resourceId, Guid resourceTypeId, decimal quantity, Guid? shelterId, GeoPlace place,
        int households, string notes, Guid? by, DateTimeOffset now)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), "A distribution hands out more than zero.");
        }

        if (households is < 1 or > MaxHouseholds)
        {
            throw new ArgumentOutOfRangeException(nameof(households), $"A distribution reaches between 1 and {MaxHouseholds} households.");
        }

        var at = Microseconds.Truncate(now);
        return new ReliefDistribution
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            OrganisationId = organisationId,
            ResourceId = resourceId,
            ResourceTypeId = resourceTypeId,
            Quantity = quantity,
            ShelterId = shelterId,
            PlaceName = place.Name.Trim(),
            Latitude = place.Latitude,
            Longitude = place.Longitude,
            Households = households,
            Notes = notes.Trim(),
            DistributedBy = by,
            DistributedAt = at,
        };
    }
}
