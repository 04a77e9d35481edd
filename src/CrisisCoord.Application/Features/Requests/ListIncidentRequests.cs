using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>An incident's requests with their offers and commitments, and the offers made to it unasked.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListIncidentRequestsQuery(Guid IncidentId) : IQuery<IncidentRequests>, IIncidentMessage;

public sealed record IncidentRequests(IReadOnlyList<ResourceRequestDto> Requests, IReadOnlyList<OfferDto> UnsolicitedOffers);

public sealed class ListIncidentRequestsQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<ListIncidentRequestsQuery, IncidentRequests>
{
    public async ValueTask<IncidentRequests> Handle(ListIncidentRequestsQuery query, CancellationToken cancellationToken)
    {
        return await ThreadCapabilities.ForIncidentAsync(db, access, await access.IncidentFactsAsync(query.IncidentId, cancellationToken), cancellationToken);
    }
}
