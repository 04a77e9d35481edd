using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>Open requests the reader's organisation was asked to answer, or could answer from its inventory.</summary>
[Performs(Act.ViewOwnWork)]
public sealed record ListRequestsForMyOrganisationQuery : IQuery<IReadOnlyList<ResourceRequestDto>>;

public sealed class ListRequestsForMyOrganisationQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user)
    : IQueryHandler<ListRequestsForMyOrganisationQuery, IReadOnlyList<ResourceRequestDto>>
{
    public async ValueTask<IReadOnlyList<ResourceRequestDto>> Handle(ListRequestsForMyOrganisationQuery query, CancellationToken cancellationToken) =>
        user.OrganisationId is { } organisation
            ? await (await RequestThreads.ForOrganisationAsync(db, organisation, cancellationToken)).AsSeenByReaderAsync(access, organisation, cancellationToken)
            : [];
}
