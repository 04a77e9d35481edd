using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>An incident's task board, optionally for one organisation.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListTasksQuery(Guid IncidentId) : IQuery<IReadOnlyList<TaskDto>>, IIncidentMessage
{
    public Guid? Organisation { get; init; }
}

public sealed class ListTasksQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<ListTasksQuery, IReadOnlyList<TaskDto>>
{
    public async ValueTask<IReadOnlyList<TaskDto>> Handle(ListTasksQuery query, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.IncidentId == query.IncidentId && (query.Organisation == null || t.AssignedOrganisationId == query.Organisation))
            .OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt)
            .Select(TaskDto.Projection(db))
            .ToListAsync(cancellationToken);
        return await tasks.WithCapabilitiesAsync(access, cancellationToken);
    }
}
