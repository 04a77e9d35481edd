using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Obligations;

/// <summary>
/// An incident's open obligations: who owes what, by when, and how long overdue. Non-public detail:
/// participants, coordinators and auditors see it.
/// </summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListIncidentObligationsQuery(Guid IncidentId) : IQuery<ObligationList>, IIncidentMessage;

public sealed class ListIncidentObligationsQueryHandler(AppDbContext db, ObligationRules rules, TimeProvider clock)
    : IQueryHandler<ListIncidentObligationsQuery, ObligationList>
{
    public async ValueTask<ObligationList> Handle(ListIncidentObligationsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == query.IncidentId, cancellationToken))
        {
            throw new NotFoundException("Incident", query.IncidentId);
        }

        return await ObligationLists.ListAsync(db, rules, clock.GetUtcNow(), new ObligationScope(IncidentId: query.IncidentId), cancellationToken);
    }
}
