using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>The assigned organisation turns the task down, saying why.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.DeclineTask)]
public sealed record DeclineTaskCommand : TaskChange, ICommand<TaskDto>
{
    public string? Reason { get; init; }
}

public sealed class DeclineTaskCommandValidator : AbstractValidator<DeclineTaskCommand>
{
    public DeclineTaskCommandValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => Texts.Get("Validation.Tasks.SayWhySoCoordinator")).MaximumLength(IncidentTask.ReasonMaxLength).PlainText();
}

public sealed class DeclineTaskCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<DeclineTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(DeclineTaskCommand command, CancellationToken cancellationToken) =>
        TaskChanges.ChangeAsync(db, command, task => task.Decline(command.Reason!, clock.GetUtcNow()), cancellationToken);
}
