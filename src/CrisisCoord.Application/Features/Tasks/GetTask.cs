using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>One task.</summary>
[Performs(Act.ViewTask)]
public sealed record GetTaskQuery(Guid Id) : IQuery<TaskDto>, ITaskMessage
{
    Guid ITaskMessage.TaskId => Id;
}

public sealed class GetTaskQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetTaskQuery, TaskDto>
{
    public async ValueTask<TaskDto> Handle(GetTaskQuery query, CancellationToken cancellationToken) =>
        (await new[] { await TaskDto.LoadAsync(db, query.Id, cancellationToken) }.WithCapabilitiesAsync(access, cancellationToken)).Single();
}
