using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>An incident's situation reports (newest first; the page picks each organisation's latest) and its shared log.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListSituationReportsQuery(Guid IncidentId) : IQuery<IncidentReporting>, IIncidentMessage;

public sealed class ListSituationReportsQueryHandler(AppDbContext db) : IQueryHandler<ListSituationReportsQuery, IncidentReporting>
{
    public async ValueTask<IncidentReporting> Handle(ListSituationReportsQuery query, CancellationToken cancellationToken) =>
        await IncidentReporting.LoadAsync(db, query.IncidentId, cancellationToken);
}
