using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>A request thread as pages and the API show it: the request, who was asked, the offers and the commitments.</summary>
public sealed record ResourceRequestDto(
    Guid Id,
    Guid IncidentId,
    string IncidentTitle,
    string Type,
    string TypeName,
    string Unit,
    decimal Quantity,
    DateTimeOffset? NeededBy,
    string DeliveryPlace,
    double DeliveryLatitude,
    double DeliveryLongitude,
    TaskPriority Priority,
    string Notes,
    RequestState State,
    string ClosedReason,
    DateTimeOffset RaisedAt,
    string RaisedByOrganisationName,
    uint Version,
    IReadOnlyList<AddresseeDto> Asked,
    IReadOnlyList<OfferDto> Offers,
    IReadOnlyList<CommitmentDto> Commitments)
{
    /// <summary>What the reader may do to the request; only on a read of the one thread.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    /// <summary>Committed quantity that still counts: live commitments, and delivered ones since released.</summary>
    public decimal CommittedQuantity => Commitments.Where(c => c.Counts).Sum(c => c.Quantity);

    public decimal ArrivedQuantity => Commitments.Where(c => c.ArrivedAt is not null).Sum(c => c.Quantity);

    public CoverStatus CommitStatus => ResourceRequest.Cover(Quantity, CommittedQuantity);

    public CoverStatus FulfilStatus => ResourceRequest.Cover(Quantity, ArrivedQuantity);

    /// <summary>Asked organisations that have not answered yet.</summary>
    public IEnumerable<AddresseeDto> Unanswered => Asked.Where(a => !Offers.Any(o => o.OrganisationId == a.OrganisationId));
}

public sealed record AddresseeDto(Guid OrganisationId, string OrganisationName, OrganisationKind OrganisationKind, DateTimeOffset AskedAt);

public sealed record OfferDto(
    Guid Id,
    Guid? RequestId,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind OrganisationKind,
    Guid? ResourceId,
    string? ResourcePlace,
    OfferAnswer Answer,
    decimal Quantity,
    decimal CommittedQuantity,
    DateTimeOffset? EstimatedArrival,
    string Note,
    DateTimeOffset OfferedAt)
{
    /// <summary>What the reader may do to the offer; only on a read of one incident's or request's thread.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    /// <summary>What of the offer a coordinator can still commit.</summary>
    public decimal Uncommitted => Answer == OfferAnswer.Decline ? 0 : Math.Max(0, Quantity - CommittedQuantity);
}

public sealed record CommitmentDto(
    Guid Id,
    Guid OfferId,
    Guid OrganisationId,
    string OrganisationName,
    decimal Quantity,
    CommitmentState State,
    DateTimeOffset CommittedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset StateChangedAt,
    string Note,
    uint Version)
{
    /// <summary>What the reader may do to the commitment; only on a read of one incident's or request's thread.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    public bool Counts => ResourceCommitment.CountsTowardsRequest(State, ArrivedAt);

    public IReadOnlyList<CommitmentState> NextStates => ResourceCommitment.NextStates(State);
}

/// <summary>Loads request threads in four queries however many requests there are.</summary>
public static class RequestThreads
{
    public static async Task<IReadOnlyList<ResourceRequestDto>> LoadAsync(AppDbContext db, IQueryable<ResourceRequest> requests, CancellationToken ct)
    {
        var rows = await (
                from r in requests
                join t in db.ResourceTypes on r.ResourceTypeId equals t.Id
                join i in db.Incidents on r.IncidentId equals i.Id
                join o in db.Organisations on r.RaisedByOrganisationId equals o.Id
                select new { Request = r, t.Code, t.Name, t.Unit, IncidentTitle = i.Title, Raiser = o.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Request.Id).ToList();

        var asked = await (
                from a in db.RequestAddressees
                join o in db.Organisations on a.OrganisationId equals o.Id
                where ids.Contains(a.RequestId)
                orderby a.AskedAt
                select new { a.RequestId, Dto = new AddresseeDto(a.OrganisationId, o.Name, o.Kind, a.AskedAt) })
            .AsNoTracking()
            .ToListAsync(ct);
        var offers = await OffersAsync(db, db.ResourceOffers.Where(o => o.RequestId != null && ids.Contains(o.RequestId.Value)), ct);
        var commitments = await CommitmentsAsync(db, db.ResourceCommitments.Where(c => c.RequestId != null && ids.Contains(c.RequestId.Value)), ct);
        // Every commitment comes from an offer that answered its request.
        var requestOfOffer = offers.ToDictionary(o => o.Id, o => o.RequestId);

        return [.. rows.Select(r => new ResourceRequestDto(
            r.Request.Id,
            r.Request.IncidentId,
            r.IncidentTitle,
            r.Code,
            r.Name,
            r.Unit,
            r.Request.Quantity,
            r.Request.NeededBy,
            r.Request.DeliveryPlace,
            r.Request.DeliveryLatitude,
            r.Request.DeliveryLongitude,
            r.Request.Priority,
            r.Request.Notes,
            r.Request.State,
            r.Request.ClosedReason,
            r.Request.RaisedAt,
            r.Raiser,
            r.Request.Version,
            [.. asked.Where(a => a.RequestId == r.Request.Id).Select(a => a.Dto)],
            [.. offers.Where(o => o.RequestId == r.Request.Id)],
            [.. commitments.Where(c => requestOfOffer[c.OfferId] == r.Request.Id)]))];
    }

    /// <summary>
    /// Open requests an organisation may answer (<see cref="Scope.MayAnswer"/>): those it was asked to answer, and
    /// those of incidents it takes part in for a type it has left; asked first.
    /// </summary>
    public static async Task<IReadOnlyList<ResourceRequestDto>> ForOrganisationAsync(AppDbContext db, Guid organisation, CancellationToken ct)
    {
        var mine = db.ResourceRequests.Where(r => r.State == RequestState.Open
            && (db.RequestAddressees.Any(a => a.RequestId == r.Id && a.OrganisationId == organisation)
                || (db.IncidentParticipants.Any(p => p.IncidentId == r.IncidentId && p.OrganisationId == organisation && p.Status == ParticipationStatus.Admitted)
                    && db.Resources.Any(x => x.OrganisationId == organisation && x.ResourceTypeId == r.ResourceTypeId && x.Quantity > x.Committed))));
        var requests = await LoadAsync(db, mine, ct);
        return [.. requests
            .OrderByDescending(r => r.Asked.Any(a => a.OrganisationId == organisation))
            .ThenByDescending(r => r.Priority)
            .ThenBy(r => r.NeededBy ?? DateTimeOffset.MaxValue)];
    }

    public static async Task<ResourceRequestDto> LoadOneAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        (await LoadAsync(db, db.ResourceRequests.Where(r => r.Id == id), ct)).SingleOrDefault()
        ?? throw new NotFoundException("Resource request", id);

    public static async Task<IReadOnlyList<OfferDto>> OffersAsync(AppDbContext db, IQueryable<ResourceOffer> offers, CancellationToken ct) =>
        await (
                from f in offers
                join o in db.Organisations on f.OrganisationId equals o.Id
                orderby f.OfferedAt
                select new OfferDto(
                    f.Id,
                    f.RequestId,
                    f.OrganisationId,
                    o.Name,
                    o.Kind,
                    f.ResourceId,
                    db.Resources.Where(r => r.Id == f.ResourceId).Select(r => r.PlaceName).FirstOrDefault(),
                    f.Answer,
                    f.Quantity,
                    db.ResourceCommitments.Where(c => c.OfferId == f.Id && c.State != CommitmentState.Released).Sum(c => (decimal?)c.Quantity) ?? 0,
                    f.EstimatedArrival,
                    f.Note,
                    f.OfferedAt))
            .AsNoTracking()
            .ToListAsync(ct);

    public static async Task<CommitmentDto> CommitmentAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        (await CommitmentsAsync(db, db.ResourceCommitments.Where(c => c.Id == id), ct)).Single();

    public static async Task<IReadOnlyList<CommitmentDto>> CommitmentsAsync(AppDbContext db, IQueryable<ResourceCommitment> commitments, CancellationToken ct) =>
        await (
                from c in commitments
                join o in db.Organisations on c.OrganisationId equals o.Id
                orderby c.CommittedAt
                select new CommitmentDto(c.Id, c.OfferId, c.OrganisationId, o.Name, c.Quantity, c.State, c.CommittedAt, c.ArrivedAt, c.StateChangedAt, c.Note, c.Version))
            .AsNoTracking()
            .ToListAsync(ct);
}
