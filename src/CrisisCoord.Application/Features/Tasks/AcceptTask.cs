using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>The assigned organisation takes the task on.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.AcceptTask)]
public sealed record AcceptTaskCommand : TaskChange, ICommand<TaskDto>;

public sealed class AcceptTaskCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<AcceptTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(AcceptTaskCommand command, CancellationToken cancellationToken) =>
        TaskChanges.ChangeAsync(db, command, task => task.Accept(clock.GetUtcNow()), cancellationToken);
}
