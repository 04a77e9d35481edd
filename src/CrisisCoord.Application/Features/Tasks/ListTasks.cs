using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>An incident's task board, optionally for one organisation.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListTasksQuery(Guid IncidentId) : IQuery<IReadOnlyList<TaskDto>>, IIncidentMessage
{
    public Guid? Organisation { get; init; }
}

/// <summary>The tasks given to (or claimed by) the reader's organisation, across incidents, unfinished first.</summary>
[Performs(Act.ViewOwnWork)]
public sealed record ListMyTasksQuery : IQuery<IReadOnlyList<TaskDto>>;

/// <summary>One task.</summary>
[Performs(Act.ViewTask)]
public sealed record GetTaskQuery(Guid Id) : IQuery<TaskDto>, ITaskMessage
{
    Guid ITaskMessage.TaskId => Id;
}

public sealed class TaskQueriesHandler(AppDbContext db, AccessPolicy access, ICurrentUser user) :
    IQueryHandler<ListTasksQuery, IReadOnlyList<TaskDto>>,
    IQueryHandler<ListMyTasksQuery, IReadOnlyList<TaskDto>>,
    IQueryHandler<GetTaskQuery, TaskDto>
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

    public async ValueTask<TaskDto> Handle(GetTaskQuery query, CancellationToken cancellationToken) =>
        (await new[] { await TaskDto.LoadAsync(db, query.Id, cancellationToken) }.WithCapabilitiesAsync(access, cancellationToken)).Single();
}
