using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>An organisation taking part takes an open task on itself.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.ClaimTask)]
public sealed record ClaimTaskCommand : TaskChange, ICommand<TaskDto>;

public sealed class ClaimTaskCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ClaimTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(ClaimTaskCommand command, CancellationToken cancellationToken) =>
        TaskChanges.ChangeAsync(db, command, task => task.Claim(user.OrganisationId!.Value, clock.GetUtcNow()), cancellationToken);
}
