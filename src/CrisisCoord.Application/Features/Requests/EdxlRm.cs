using System.Globalization;
using System.Xml.Linq;
using CrisisCoord.Domain.Requests;

namespace CrisisCoord.Application.Features.Requests;

public static class EdxlRm
{
    public static readonly XNamespace Msg = "urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg";
    public static readonly XNamespace Rm = "urn:oasis:names:tc:emergency:EDXL:RM:1.0";
    public static readonly XNamespace De = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";
    public static readonly XNamespace Gml = "http://www.opengis.net/gml";

    /// <summary>Where the portal's resource-type codes are listed (the TypeStructure value list).</summary>
    public const string ResourceTypeList = "urn:crisiscoord:resource-type";

    public sealed record Message(DateTimeOffset Sent, XElement Element);

    /// <summary>The request, each answer, each commitment and each release, in the order they happened.</summary>
    public static IEnumerable<Message> Thread(ResourceRequestDto r)
    {
        var requestId = MessageId(r.Id);
        var incident = Incident(r.IncidentId, r.IncidentTitle);
        yield return new(r.RaisedAt, Envelope("RequestResource", requestId, r.RaisedAt, requestId, null, incident,
            Contact("Requester", r.RaisedByOrganisationName),
            ResourceInformation(1, null, r.Type, r.TypeName, r.Quantity, r.Unit, r.Notes,
                Schedule("RequestedArrival", r.NeededBy, r.DeliveryPlace, r.DeliveryLatitude, r.DeliveryLongitude)),
            Priority(r.Priority.ToString())));

        foreach (var o in r.Offers)
        {
            yield return new(o.OfferedAt, Envelope("ResponseToRequestResource", MessageId(o.Id), o.OfferedAt, requestId, requestId, incident,
                Contact("RespondingOrg", o.OrganisationName),
                ResourceInformation(1, Response(o.Answer, o.Note), r.Type, r.TypeName, o.Quantity, r.Unit, "",
                    Schedule("EstimatedArrival", o.EstimatedArrival, r.DeliveryPlace, r.DeliveryLatitude, r.DeliveryLongitude))));
        }

        foreach (var m in r.Commitments.SelectMany(c => Commitment(c, requestId, incident, r.Type, r.TypeName, r.Unit, r.DeliveryPlace, r.DeliveryLatitude, r.DeliveryLongitude)))
        {
            yield return m;
        }
    }

    /// <summary>An offer nobody asked for, and what became of it.</summary>
    public static IEnumerable<Message> Unsolicited(OfferDto o, Guid incidentId, string incidentTitle, IEnumerable<CommitmentDto> commitments)
    {
        var offerId = MessageId(o.Id);
        var incident = Incident(incidentId, incidentTitle);
        yield return new(o.OfferedAt, Envelope("OfferUnsolicitedResource", offerId, o.OfferedAt, offerId, null, incident,
            Contact("ResourceProvider", o.OrganisationName),
            ResourceInformation(1, null, null, null, o.Quantity, null, o.Note, Schedule("EstimatedArrival", o.EstimatedArrival, o.ResourcePlace, null, null))));
        foreach (var m in commitments.SelectMany(c => Commitment(c, offerId, incident, null, null, null, o.ResourcePlace ?? "", null, null)))
        {
            yield return m;
        }
    }

    public static XDocument Distribution(string id, DateTimeOffset now, IEnumerable<Message> messages) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(De + "EDXLDistribution",
            new XAttribute(XNamespace.Xmlns + "rmsg", Msg),
            new XAttribute(XNamespace.Xmlns + "rm", Rm),
            new XAttribute(XNamespace.Xmlns + "gml", Gml),
            new XElement(De + "distributionID", id),
            new XElement(De + "senderID", "crisiscoord"),
            new XElement(De + "dateTimeSent", Time(now)),
            new XElement(De + "distributionStatus", "Actual"),
            new XElement(De + "distributionType", "Report"),
            new XElement(De + "combinedConfidentiality", "UNCLASSIFIED AND NOT SENSITIVE"),
            messages.Select(m => new XElement(De + "contentObject",
                new XElement(De + "xmlContent", new XElement(De + "embeddedXMLContent", m.Element)))).ToList()));

    /// <summary>EDXL times carry an explicit offset and no fractions: 2026-11-30T08:00:00+00:00.</summary>
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static IEnumerable<Message> Commitment(
        CommitmentDto c, string originating, XElement incident, string? type, string? typeName, string? unit, string place, double? latitude, double? longitude)
    {
        var commitId = MessageId(c.Id);
        yield return new(c.CommittedAt, Envelope("CommitResource", commitId, c.CommittedAt, originating, MessageId(c.OfferId), incident,
            Contact("ResourceProvider", c.OrganisationName),
            ResourceInformation(1, null, type, typeName, c.Quantity, unit, "", Schedule("RequestedArrival", null, place, latitude, longitude)),
            DeploymentStatus(c.State)));
        if (c.State == CommitmentState.Released)
        {
            yield return new(c.StateChangedAt, Envelope("ReleaseResource", $"{commitId}:release", c.StateChangedAt, originating, commitId, incident,
                Contact("ResourceProvider", c.OrganisationName),
                ResourceInformation(1, null, type, typeName, c.Quantity, unit, c.Note, Schedule("Release", c.StateChangedAt, place, latitude, longitude))));
        }
    }

    private static string MessageId(Guid id) => $"urn:uuid:{id}";

    private static XElement Envelope(string type, string id, DateTimeOffset sent, string originating, string? preceding, XElement incident, params object?[] content) =>
        new(Msg + type,
            new XElement(Msg + "MessageID", id),
            new XElement(Msg + "SentDateTime", Time(sent)),
            new XElement(Msg + "MessageContentType", type),
            new XElement(Msg + "OriginatingMessageID", originating),
            preceding is null ? null : new XElement(Msg + "PrecedingMessageID", preceding),
            incident,
            content);

    private static XElement Incident(Guid id, string title) =>
        new(Msg + "IncidentInformation", new XElement(Rm + "IncidentID", id), new XElement(Rm + "IncidentDescription", title));

    private static XElement Contact(string role, string organisation) =>
        new(Msg + "ContactInformation", new XElement(Rm + "ContactRole", role), new XElement(Rm + "ContactDescription", organisation));

    private static XElement ResourceInformation(int element, XElement? response, string? type, string? typeName, decimal quantity, string? unit, string description, XElement schedule) =>
        new(Msg + "ResourceInformation",
            new XElement(Msg + "ResourceInfoElementID", element),
            response,
            new XElement(Msg + "Resource",
                type is null ? null : new XElement(Rm + "TypeStructure", new XElement(Rm + "ValueListURN", ResourceTypeList), new XElement(Rm + "Value", type)),
                typeName is null ? null : new XElement(Rm + "Name", typeName),
                description.Length == 0 ? null : new XElement(Rm + "Description", description)),
            new XElement(Msg + "AssignmentInformation",
                new XElement(Rm + "Quantity",
                    new XElement(Rm + "MeasuredQuantity",
                        new XElement(Rm + "Amount", quantity.ToString("0.##", CultureInfo.InvariantCulture)),
                        unit is null ? null : new XElement(Rm + "UnitOfMeasure", unit)))),
            schedule);

    private static XElement Response(OfferAnswer answer, string reason) =>
        new(Msg + "ResponseInformation",
            new XElement(Rm + "PrecedingResourceInfoElementID", 1),
            new XElement(Rm + "ResponseType", answer.ToString()),
            reason.Length == 0 ? null : new XElement(Rm + "ReasonCode", reason));

    private static XElement Schedule(string type, DateTimeOffset? at, string? place, double? latitude, double? longitude) =>
        new(Msg + "ScheduleInformation",
            new XElement(Rm + "ScheduleType", type),
            at is { } when ? new XElement(Rm + "DateTime", Time(when)) : null,
            new XElement(Rm + "Location",
                string.IsNullOrEmpty(place) ? null : new XElement(Rm + "LocationDescription", place),
                latitude is { } lat && longitude is { } lon
                    ? new XElement(Rm + "TargetArea", new XElement(Gml + "Point", new XElement(Gml + "pos", string.Create(CultureInfo.InvariantCulture, $"{lat} {lon}"))))
                    : null));

    private static XElement Priority(string priority) =>
        new(Msg + "Keyword", new XElement(Rm + "ValueListURN", "urn:crisiscoord:priority"), new XElement(Rm + "Value", priority));

    private static XElement DeploymentStatus(CommitmentState state) =>
        new(Msg + "DeploymentStatus", new XElement(Rm + "ValueListURN", "urn:crisiscoord:commitment-state"), new XElement(Rm + "Value", state.ToString()));
}
