using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Requests;

/// <summary>An organisation's answer to a request, as in EDXL-RM ResponseToRequestResource.</summary>
public enum OfferAnswer
{
    /// <summary>It will provide the quantity offered.</summary>
    Accept,

    /// <summary>It probably can, but must confirm (transport, crews).</summary>
    Provisional,

    /// <summary>It cannot help with this request.</summary>
    Decline,
}

/// <summary>An organisation asked to answer a request: by the coordinator (one click per candidate).</summary>
public sealed class RequestAddressee
{
    private RequestAddressee()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>The request's incident, so the asking is recorded on that incident's chain.</summary>
    public Guid IncidentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public Guid? AskedByUserId { get; private set; }

    public static RequestAddressee Ask(ResourceRequest request, Guid organisationId, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RequestId = request.Id,
        IncidentId = request.IncidentId,
        OrganisationId = organisationId,
        AskedAt = now,
        AskedByUserId = by,
    };
}

/// <summary>
/// What an organisation offers an incident from one of its resources: an answer to a request, or unasked
/// (an unsolicited offer, EDXL-RM OfferUnsolicitedResource). A coordinator commits offers.
/// </summary>
public sealed class ResourceOffer
{
    public const int NoteMaxLength = 1000;

    private ResourceOffer()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    /// <summary>The request answered; null for an unsolicited offer.</summary>
    public Guid? RequestId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The inventory the offer comes from; null when declining.</summary>
    public Guid? ResourceId { get; private set; }

    public OfferAnswer Answer { get; private set; }

    public decimal Quantity { get; private set; }

    public DateTimeOffset? EstimatedArrival { get; private set; }

    public string Note { get; private set; } = "";

    public DateTimeOffset OfferedAt { get; private set; }

    public Guid? OfferedByUserId { get; private set; }

    public uint Version { get; private set; }

    public static ResourceOffer Make(
        Guid incidentId, Guid? requestId, Guid organisationId, Guid? resourceId, OfferAnswer answer, decimal quantity,
        DateTimeOffset? estimatedArrival, string note, Guid? by, DateTimeOffset now)
    {
        if (answer == OfferAnswer.Decline)
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                throw new DomainRuleException(new("Rule.Offer.SayWhyDeclined", "Say why the organisation declines."));
            }

            (resourceId, quantity, estimatedArrival) = (null, 0, null);
        }
        else if (quantity <= 0 || resourceId is null)
        {
            throw new DomainRuleException(new("Rule.Offer.NeedsResource", "An offer names the resource and a positive quantity."));
        }

        return new ResourceOffer
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            RequestId = requestId,
            OrganisationId = organisationId,
            ResourceId = resourceId,
            Answer = answer,
            Quantity = quantity,
            EstimatedArrival = estimatedArrival?.ToUniversalTime(),
            Note = note.Trim(),
            OfferedAt = now,
            OfferedByUserId = by,
        };
    }
}
