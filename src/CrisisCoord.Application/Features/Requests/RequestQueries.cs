using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>An incident's requests with their offers and commitments, and the offers made to it unasked.</summary>
public sealed record ListIncidentRequestsQuery(Guid IncidentId) : IQuery<IncidentRequests>, IIncidentDetailMessage;

public sealed record IncidentRequests(IReadOnlyList<ResourceRequestDto> Requests, IReadOnlyList<OfferDto> UnsolicitedOffers);

/// <summary>One request thread.</summary>
public sealed record GetResourceRequestQuery(Guid Id) : IQuery<ResourceRequestDto>;

/// <summary>For coordinators: every open request, the ones with unanswered organisations and the late ones first.</summary>
public sealed record ListOpenRequestsQuery : IQuery<OpenRequests>;

public sealed record OpenRequests(DateTimeOffset AsOf, IReadOnlyList<ResourceRequestDto> Requests, TimeSpan AnswerWithin)
{
    public bool IsLate(ResourceRequestDto r) => r.NeededBy < AsOf && r.FulfilStatus != CoverStatus.Full;

    public IEnumerable<AddresseeDto> Unanswered(ResourceRequestDto r) => r.Unanswered.Where(a => a.AskedAt + AnswerWithin < AsOf);
}

/// <summary>Open requests the reader's organisation was asked to answer, or could answer from its inventory.</summary>
public sealed record ListRequestsForMyOrganisationQuery : IQuery<IReadOnlyList<ResourceRequestDto>>;

/// <summary>
/// Candidates for a request: resources of its type with quantity left, nearest to the delivery place first
/// (great-circle distance computed in the database), then the most recently confirmed.
/// </summary>
public sealed record MatchResourcesQuery(Guid RequestId) : IQuery<IReadOnlyList<CandidateDto>>;

public sealed record CandidateDto(
    Guid ResourceId,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind OrganisationKind,
    decimal Available,
    string Unit,
    string PlaceName,
    double DistanceKm,
    DateTimeOffset LastConfirmedAt,
    bool Asked,
    bool Answered);

public sealed class RequestQueriesHandler(AppDbContext db, ICurrentUser user, ObligationRules rules, TimeProvider clock) :
    IQueryHandler<ListIncidentRequestsQuery, IncidentRequests>,
    IQueryHandler<GetResourceRequestQuery, ResourceRequestDto>,
    IQueryHandler<ListOpenRequestsQuery, OpenRequests>,
    IQueryHandler<ListRequestsForMyOrganisationQuery, IReadOnlyList<ResourceRequestDto>>,
    IQueryHandler<MatchResourcesQuery, IReadOnlyList<CandidateDto>>
{
    public const int CandidatesShown = 50;

    public async ValueTask<IncidentRequests> Handle(ListIncidentRequestsQuery query, CancellationToken cancellationToken)
    {
        var requests = await RequestThreads.LoadAsync(db, db.ResourceRequests.Where(r => r.IncidentId == query.IncidentId), cancellationToken);
        var unsolicited = await RequestThreads.OffersAsync(db, db.ResourceOffers.Where(o => o.IncidentId == query.IncidentId && o.RequestId == null), cancellationToken);
        return new IncidentRequests([.. requests.OrderBy(r => r.State).ThenByDescending(r => r.RaisedAt)], unsolicited);
    }

    public async ValueTask<ResourceRequestDto> Handle(GetResourceRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await RequestThreads.LoadOneAsync(db, query.Id, cancellationToken);
        await RequestAccess.EnsureVisibleAsync(db, user, query.Id, cancellationToken);
        return request;
    }

    public async ValueTask<OpenRequests> Handle(ListOpenRequestsQuery query, CancellationToken cancellationToken)
    {
        if (!IncidentAccess.SeesEveryIncident(user))
        {
            throw new AccessDeniedException("The list of every open request is for coordinators and auditors.");
        }

        var requests = await RequestThreads.LoadAsync(db, db.ResourceRequests.Where(r => r.State == RequestState.Open), cancellationToken);
        var open = new OpenRequests(clock.GetUtcNow(), requests, rules.AnswerResourceRequest);
        return open with
        {
            Requests = [.. requests
                .OrderByDescending(r => open.IsLate(r) || open.Unanswered(r).Any())
                .ThenByDescending(r => r.Priority)
                .ThenBy(r => r.NeededBy ?? DateTimeOffset.MaxValue)],
        };
    }

    public async ValueTask<IReadOnlyList<ResourceRequestDto>> Handle(ListRequestsForMyOrganisationQuery query, CancellationToken cancellationToken) =>
        await RequestThreads.ForOrganisationAsync(db, user.OrganisationId ?? throw new NotAuthenticatedException(), cancellationToken);

    public async ValueTask<IReadOnlyList<CandidateDto>> Handle(MatchResourcesQuery query, CancellationToken cancellationToken)
    {
        var request = await db.ResourceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RequestId, cancellationToken)
            ?? throw new NotFoundException("Resource request", query.RequestId);
        if (!IncidentAccess.SeesEveryIncident(user))
        {
            throw new AccessDeniedException("Matching candidates is for coordinators.");
        }

        var asked = await db.RequestAddressees.Where(a => a.RequestId == request.Id).Select(a => a.OrganisationId).ToListAsync(cancellationToken);
        var answered = await db.ResourceOffers.Where(o => o.RequestId == request.Id).Select(o => o.OrganisationId).ToListAsync(cancellationToken);
        var candidates = await db.Rows()
            .Where(x => x.Resource.ResourceTypeId == request.ResourceTypeId && x.Resource.Quantity > x.Resource.Committed)
            .WithDistanceFrom(request.DeliveryLatitude, request.DeliveryLongitude)
            .OrderBy(x => Math.Round(x.DistanceKm)).ThenByDescending(x => x.Row.Resource.LastConfirmedAt).ThenBy(x => x.Row.Resource.Id)
            .Take(CandidatesShown)
            .ToListAsync(cancellationToken);
        return [.. candidates.Select(c => new CandidateDto(
            c.Row.Resource.Id,
            c.Row.Resource.OrganisationId,
            c.Row.OrganisationName,
            c.Row.OrganisationKind,
            c.Row.Resource.Quantity - c.Row.Resource.Committed,
            c.Row.Unit,
            c.Row.Resource.PlaceName,
            Math.Round(c.DistanceKm, 1),
            c.Row.Resource.LastConfirmedAt,
            asked.Contains(c.Row.Resource.OrganisationId),
            answered.Contains(c.Row.Resource.OrganisationId)))];
    }
}

public static class RequestAccess
{
    /// <summary>
    /// Requests the reader may see: coordinators, auditors and administrators all; others those of incidents
    /// their organisation takes part in, those it was asked to answer, and open ones for a type it holds.
    /// </summary>
    public static IQueryable<ResourceRequest> Visible(AppDbContext db, ICurrentUser user)
    {
        if (IncidentAccess.SeesEveryIncident(user))
        {
            return db.ResourceRequests;
        }

        var organisation = user.OrganisationId ?? Guid.Empty;
        var own = IncidentAccess.OwnIncidentIds(db, organisation);
        return db.ResourceRequests.Where(r => own.Contains(r.IncidentId)
            || db.RequestAddressees.Any(a => a.RequestId == r.Id && a.OrganisationId == organisation)
            || (r.State == RequestState.Open && db.Resources.Any(x => x.OrganisationId == organisation && x.ResourceTypeId == r.ResourceTypeId)));
    }

    public static async Task EnsureVisibleAsync(AppDbContext db, ICurrentUser user, Guid id, CancellationToken ct)
    {
        if (!await Visible(db, user).AnyAsync(r => r.Id == id, ct))
        {
            throw new AccessDeniedException("This request is shown to the organisations taking part in its incident, those asked to answer it, and those holding its type of resource.");
        }
    }
}
