using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Obligations;
using Mediator;

namespace CrisisCoord.Application.Features.Obligations;

/// <summary>
/// An organisation's open obligations across incidents, its inventory included: for its own people, and for
/// coordinators, auditors and administrators.
/// </summary>
[Performs(Act.ViewObligations)]
public sealed record ListOrganisationObligationsQuery(Guid OrganisationId) : IQuery<ObligationList>, IOrganisationMessage;

public sealed class ListOrganisationObligationsQueryHandler(AppDbContext db, AccessPolicy access, ObligationRules rules, TimeProvider clock)
    : IQueryHandler<ListOrganisationObligationsQuery, ObligationList>
{
    public async ValueTask<ObligationList> Handle(ListOrganisationObligationsQuery query, CancellationToken cancellationToken)
    {
        return await (await ObligationLists.ListAsync(db, rules, clock.GetUtcNow(), new ObligationScope(OrganisationId: query.OrganisationId), cancellationToken))
            .ShownToReaderAsync(access, cancellationToken);
    }
}
