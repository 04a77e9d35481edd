using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>An incident's objectives, by phase, oldest first.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListObjectivesQuery(Guid IncidentId) : IQuery<IReadOnlyList<ObjectiveDto>>, IIncidentMessage;

public sealed class ListObjectivesQueryHandler(AppDbContext db) : IQueryHandler<ListObjectivesQuery, IReadOnlyList<ObjectiveDto>>
{
    public async ValueTask<IReadOnlyList<ObjectiveDto>> Handle(ListObjectivesQuery query, CancellationToken cancellationToken)
    {
        return await db.ObjectivesOfAsync(query.IncidentId, cancellationToken);
    }
}
