using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>A coordinator gives the task to a participating organisation, or gives it to another one (reassignment).</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.AssignTask)]
public sealed record AssignTaskCommand : TaskChange, ICommand<TaskDto>
{
    public Guid? OrganisationId { get; init; }
}

public sealed class AssignTaskCommandValidator : AbstractValidator<AssignTaskCommand>
{
    public AssignTaskCommandValidator() => RuleFor(x => x.OrganisationId).NotEmpty().WithMessage(_ => Texts.Get("Validation.Tasks.ChooseOrganisationGiveTask"));
}

public sealed class AssignTaskCommandHandler(AppDbContext db, TimeProvider clock, Notifier notifier) : ICommandHandler<AssignTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(AssignTaskCommand command, CancellationToken cancellationToken) => TaskChanges.ChangeAsync(db, command, async task =>
    {
        await db.EnsureParticipantAsync(task.IncidentId, command.OrganisationId!.Value, cancellationToken);
        task.AssignTo(command.OrganisationId.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await notifier.TaskAssignedAsync(task.Id, command.OrganisationId.Value, task.Title, task.IncidentId, task.StateChangedAt, cancellationToken);
    }, cancellationToken);
}
