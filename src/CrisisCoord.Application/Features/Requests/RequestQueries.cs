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
[Performs(Act.ViewIncidentDetail)]
public sealed record ListIncidentRequestsQuery(Guid IncidentId) : IQuery<IncidentRequests>, IIncidentMessage;

public sealed record IncidentRequests(IReadOnlyList<ResourceRequestDto> Requests, IReadOnlyList<OfferDto> UnsolicitedOffers);

/// <summary>One request thread.</summary>
[Performs(Act.ViewRequest)]
public sealed record GetResourceRequestQuery(Guid Id) : IQuery<ResourceRequestDto>, IResourceRequestMessage
{
    Guid IResourceRequestMessage.RequestId => Id;
}

/// <summary>For coordinators: every open request, the ones with unanswered organisations and the late ones first.</summary>
[Performs(Act.ViewOpenRequests)]
public sealed record ListOpenRequestsQuery : IQuery<OpenRequests>;

public sealed record OpenRequests(DateTimeOffset AsOf, IReadOnlyList<ResourceRequestDto> Requests, TimeSpan AnswerWithin)
{
    public bool IsLate(ResourceRequestDto r) => r.NeededBy < AsOf && r.FulfilStatus != CoverStatus.Full;

    public IEnumerable<AddresseeDto> Unanswered(ResourceRequestDto r) => r.Unanswered.Where(a => a.AskedAt + AnswerWithin < AsOf);
}

/// <summary>Open requests the reader's organisation was asked to answer, or could answer from its inventory.</summary>
[Performs(Act.ViewOwnWork)]
public sealed record ListRequestsForMyOrganisationQuery : IQuery<IReadOnlyList<ResourceRequestDto>>;

/// <summary>
/// Candidates for a request: resources of its type with quantity left, nearest to the delivery place first
/// (great-circle distance computed in the database), then the most recently confirmed.
/// </summary>
[Performs(Act.MatchResources)]
public sealed record MatchResourcesQuery(Guid RequestId) : IQuery<IReadOnlyList<CandidateDto>>, IResourceRequestMessage;

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

public sealed class RequestQueriesHandler(AppDbContext db, AccessPolicy access, ICurrentUser user, ObligationRules rules, TimeProvider clock) :
    IQueryHandler<ListIncidentRequestsQuery, IncidentRequests>,
    IQueryHandler<GetResourceRequestQuery, ResourceRequestDto>,
    IQueryHandler<ListOpenRequestsQuery, OpenRequests>,
    IQueryHandler<ListRequestsForMyOrganisationQuery, IReadOnlyList<ResourceRequestDto>>,
    IQueryHandler<MatchResourcesQuery, IReadOnlyList<CandidateDto>>
{
    public const int CandidatesShown = 50;

    public async ValueTask<IncidentRequests> Handle(ListIncidentRequestsQuery query, CancellationToken cancellationToken)
    {
        return await ThreadCapabilities.ForIncidentAsync(db, access, await access.IncidentFactsAsync(query.IncidentId, cancellationToken), cancellationToken);
    }

    public async ValueTask<ResourceRequestDto> Handle(GetResourceRequestQuery query, CancellationToken cancellationToken)
    {
        return await ThreadAsync(db, access, query.Id, cancellationToken);
    }

    public async ValueTask<OpenRequests> Handle(ListOpenRequestsQuery query, CancellationToken cancellationToken)
    {
        var all = await RequestThreads.LoadAsync(db, db.ResourceRequests.Where(r => r.State == RequestState.Open), cancellationToken);
        var shown = await access.DetailShownAsync([.. all.Select(r => r.IncidentId).Distinct()], cancellationToken);
        var requests = all.Where(r => shown.Contains(r.IncidentId)).ToList();
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
        user.OrganisationId is { } organisation ? await RequestThreads.ForOrganisationAsync(db, organisation, cancellationToken) : [];

    public async ValueTask<IReadOnlyList<CandidateDto>> Handle(MatchResourcesQuery query, CancellationToken cancellationToken) =>
        await CandidatesAsync(db, query.RequestId, cancellationToken);

    /// <summary>One thread with what the reader may do to it and to each offer and commitment.</summary>
    public static async Task<ResourceRequestDto> ThreadAsync(AppDbContext db, AccessPolicy access, Guid id, CancellationToken ct)
    {
        var request = await RequestThreads.LoadOneAsync(db, id, ct);
        var incident = await access.IncidentFactsAsync(request.IncidentId, ct);
        return (await ThreadCapabilities.AddAsync(access, incident, [request], ct)).Single() with
        {
            Capabilities = await access.CapabilitiesAsync(SubjectKind.Request, id, ct),
        };
    }

    /// <summary>Holders of the type with some left, nearest first, then most recently confirmed.</summary>
    public static async Task<IReadOnlyList<CandidateDto>> CandidatesAsync(AppDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.ResourceRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);

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
