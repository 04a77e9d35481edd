using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>The tasks given to (or claimed by) the reader's organisation, across incidents, unfinished first.</summary>
[Performs(Act.ViewOwnWork)]
public sealed record ListMyTasksQuery : IQuery<IReadOnlyList<TaskDto>>;

public sealed class ListMyTasksQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user) : IQueryHandler<ListMyTasksQuery, IReadOnlyList<TaskDto>>
{
    public async ValueTask<IReadOnlyList<TaskDto>> Handle(ListMyTasksQuery query, CancellationToken cancellationToken)
    {
        if (user.OrganisationId is not { } organisation)
        {
            return [];
        }

        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.AssignedOrganisationId == organisation)
            .OrderBy(t => t.State == TaskState.Done || t.State == TaskState.Cancelled)
            .ThenByDescending(t => t.Priority).ThenBy(t => t.DueAt ?? DateTimeOffset.MaxValue)
            .Take(200)
            .Select(TaskDto.Projection(db))
            .ToListAsync(cancellationToken);
        return await tasks.WithCapabilitiesAsync(access, cancellationToken);
    }
}
