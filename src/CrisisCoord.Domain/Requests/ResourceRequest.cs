using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Domain.Requests;

public enum RequestState
{
    /// <summary>Still looking for offers or waiting for deliveries.</summary>
    Open,

    /// <summary>The coordinator closed it: met, or no longer needed.</summary>
    Closed,
}

/// <summary>How much of a request is covered: by commitments (commit status) or by arrivals (fulfil status).</summary>
public enum CoverStatus
{
    None,
    Partial,
    Full,
}

/// <summary>
/// A coordinator's request for resources on an incident (shaped on the EDXL-RM RequestResource message):
/// a type and quantity, needed by a time at a delivery place. Organisations answer with offers; the
/// coordinator commits offers, which reserves their inventory.
/// </summary>
public sealed class ResourceRequest
{
    public const int PlaceMaxLength = 200;
    public const int NotesMaxLength = 2000;

    private ResourceRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid ResourceTypeId { get; private set; }

    public decimal Quantity { get; private set; }

    public DateTimeOffset? NeededBy { get; private set; }

    public string DeliveryPlace { get; private set; } = "";

    public double DeliveryLatitude { get; private set; }

    public double DeliveryLongitude { get; private set; }

    public TaskPriority Priority { get; private set; }

    public string Notes { get; private set; } = "";

    public RequestState State { get; private set; }

    /// <summary>Why the coordinator closed it: met, or no longer needed.</summary>
    public string ClosedReason { get; private set; } = "";

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public Guid? RaisedByUserId { get; private set; }

    public Guid RaisedByOrganisationId { get; private set; }

    public uint Version { get; private set; }

    public static ResourceRequest Raise(
        Guid incidentId, Guid resourceTypeId, decimal quantity, DateTimeOffset? neededBy, GeoPlace delivery, TaskPriority priority, string notes,
        Guid? byUser, Guid byOrganisation, DateTimeOffset now)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), "A request is for a positive quantity.");
        }

        return new ResourceRequest
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            ResourceTypeId = resourceTypeId,
            Quantity = quantity,
            NeededBy = neededBy?.ToUniversalTime(),
            DeliveryPlace = delivery.Name.Trim(),
            DeliveryLatitude = delivery.Latitude,
            DeliveryLongitude = delivery.Longitude,
            Priority = priority,
            Notes = notes.Trim(),
            State = RequestState.Open,
            RaisedAt = now,
            RaisedByUserId = byUser,
            RaisedByOrganisationId = byOrganisation,
        };
    }

    /// <summary>Closes the request, saying why; answers and commitments stay as they are (release commitments separately).</summary>
    public void Close(string reason, DateTimeOffset now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException(new("Rule.Request.SayWhyClosed", "Say why the request is closed."));
        }

        State = RequestState.Closed;
        ClosedReason = reason.Trim();
        ClosedAt = now;
    }

    public void EnsureOpen()
    {
        if (WhyNotOpen(State) is { } why)
        {
            throw new DomainRuleException(why);
        }
    }

    /// <summary>Why a request in this state takes no more answers, asks or commitments; null while it is open.</summary>
    public static Phrase? WhyNotOpen(RequestState state) =>
        state == RequestState.Open ? null : new("Rule.Request.Closed", "The request is closed; raise a new one if more is needed.");

    /// <summary>None, Partial or Full: how much of <paramref name="requested"/> <paramref name="covered"/> covers.</summary>
    public static CoverStatus Cover(decimal requested, decimal covered) =>
        covered <= 0 ? CoverStatus.None : covered >= requested ? CoverStatus.Full : CoverStatus.Partial;
}

/// <summary>A named place with WGS84 coordinates.</summary>
public sealed record GeoPlace(string Name, double Latitude, double Longitude);
