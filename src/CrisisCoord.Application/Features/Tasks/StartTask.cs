using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>The assigned organisation has started the work.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.StartTask)]
public sealed record StartTaskCommand : TaskChange, ICommand<TaskDto>;

public sealed class StartTaskCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<StartTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(StartTaskCommand command, CancellationToken cancellationToken) =>
        TaskChanges.ChangeAsync(db, command, task => task.Start(clock.GetUtcNow()), cancellationToken);
}
