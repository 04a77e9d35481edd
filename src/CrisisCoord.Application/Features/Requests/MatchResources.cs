using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

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

public sealed class MatchResourcesQueryHandler(AppDbContext db) : IQueryHandler<MatchResourcesQuery, IReadOnlyList<CandidateDto>>
{
    public async ValueTask<IReadOnlyList<CandidateDto>> Handle(MatchResourcesQuery query, CancellationToken cancellationToken) =>
        await RequestReads.CandidatesAsync(db, query.RequestId, cancellationToken);
}
