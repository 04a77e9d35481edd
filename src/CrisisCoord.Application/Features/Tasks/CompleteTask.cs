using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>The assigned organisation has finished the work.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.CompleteTask)]
public sealed record CompleteTaskCommand : TaskChange, ICommand<TaskDto>;

public sealed class CompleteTaskCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CompleteTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(CompleteTaskCommand command, CancellationToken cancellationToken) =>
        TaskChanges.ChangeAsync(db, command, task => task.Complete(clock.GetUtcNow()), cancellationToken);
}
