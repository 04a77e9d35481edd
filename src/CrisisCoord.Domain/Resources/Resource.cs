using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Resources;

/// <summary>Resources an organisation holds and offers: a type, how many, where, and when they are available.</summary>
public sealed class Resource
{
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int PlaceNameMaxLength = 200;
    public const int NotesMaxLength = 2000;

    private Resource()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ResourceTypeId { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>How much of <see cref="Quantity"/> is committed to incidents; never more than the quantity.</summary>
    public decimal Committed { get; private set; }

    /// <summary>What can still be offered and committed.</summary>
    public decimal Available => Quantity - Committed;

    public string PlaceName { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public DateTimeOffset? AvailableFrom { get; private set; }

    public DateTimeOffset? AvailableUntil { get; private set; }

    public string Notes { get; private set; } = "";

    /// <summary>When the holder last confirmed the quantity is really there.</summary>
    public DateTimeOffset LastConfirmedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Resource Register(Guid organisationId, Guid resourceTypeId, ResourceDetails details, DateTimeOffset now)
    {
        var resource = new Resource
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            ResourceTypeId = resourceTypeId,
            CreatedAt = now.ToUniversalTime(),
        };
        resource.Update(details, now);
        return resource;
    }

    /// <summary>Changing the details is itself a confirmation: the holder just looked at them.</summary>
    public void Update(ResourceDetails details, DateTimeOffset now)
    {
        if (details.Quantity is < 0 or > MaxQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(details), $"Quantity must be between 0 and {MaxQuantity}.");
        }

        if (!GeoPoint.IsValidLatitude(details.Latitude) || !GeoPoint.IsValidLongitude(details.Longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(details), "The position is not a valid WGS84 point.");
        }

        if (details.AvailableFrom is { } from && details.AvailableUntil is { } until && until < from)
        {
            throw new ArgumentException("Availability must end after it starts.", nameof(details));
        }

        if (details.Quantity < Committed)
        {
            throw new DomainRuleException(new(
                "Rule.Resource.BelowCommitted",
                "{0:0.##} of this resource is committed to incidents; the quantity cannot go below that until commitments are released.",
                Committed));
        }

        Quantity = details.Quantity;
        PlaceName = details.PlaceName.Trim();
        Latitude = details.Latitude;
        Longitude = details.Longitude;
        AvailableFrom = details.AvailableFrom?.ToUniversalTime();
        AvailableUntil = details.AvailableUntil?.ToUniversalTime();
        Notes = details.Notes.Trim();
        Confirm(now);
    }

    public void Confirm(DateTimeOffset now) => LastConfirmedAt = now.ToUniversalTime();

    /// <summary>Reserves part of the inventory for a commitment; refuses what is not there, naming what is.</summary>
    public void Reserve(decimal quantity)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), "A reservation is of a positive quantity.");
        }

        if (quantity > Available)
        {
            throw new InsufficientInventoryException(Id, quantity, Available);
        }

        Committed += quantity;
    }

    /// <summary>
    /// Hands part of the stock out for good (relief distributed): the quantity goes down and never comes back. What is
    /// committed to requests stays reserved, so only the uncommitted part may be handed out.
    /// </summary>
    public void Consume(decimal quantity)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), "What is handed out is a positive quantity.");
        }

        if (quantity > Available)
        {
            throw new DomainRuleException(new(
                "Rule.Resource.HandOutBelowCommitted",
                "Only {0:0.##} of this resource is not committed to requests ({1:0.##} held, {2:0.##} committed); handing out {3:0.##} would take the stock below what is committed.",
                Available,
                Quantity,
                Committed,
                quantity));
        }

        Quantity -= quantity;
    }

    /// <summary>Gives a released commitment's quantity back to the inventory.</summary>
    public void Restore(decimal quantity) => Committed = Math.Max(0, Committed - quantity);

    public bool IsAvailableAt(DateTimeOffset at) =>
        Quantity > 0 && (AvailableFrom is null || AvailableFrom <= at) && (AvailableUntil is null || at <= AvailableUntil);
}

/// <summary>A commitment asked for more than the resource has left; <see cref="Remaining"/> says how much there is.</summary>
public sealed class InsufficientInventoryException(Guid resourceId, decimal wanted, decimal remaining)
    : DomainRuleException(new("Rule.Resource.Insufficient", "Only {0:0.##} of this resource is left to commit; {1:0.##} was asked for.", remaining, wanted))
{
    public Guid ResourceId { get; } = resourceId;

    public decimal Remaining { get; } = remaining;
}

public sealed record ResourceDetails(
    decimal Quantity,
    string PlaceName,
    double Latitude,
    double Longitude,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableUntil,
    string Notes);
