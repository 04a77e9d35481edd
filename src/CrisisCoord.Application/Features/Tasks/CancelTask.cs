using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>A coordinator calls the task off.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.CancelTask)]
public sealed record CancelTaskCommand : TaskChange, ICommand<TaskDto>
{
    public string? Reason { get; init; }
}

public sealed class CancelTaskCommandValidator : AbstractValidator<CancelTaskCommand>
{
    public CancelTaskCommandValidator() => RuleFor(x => x.Reason).MaximumLength(IncidentTask.ReasonMaxLength).PlainText();
}

public sealed class CancelTaskCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CancelTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(CancelTaskCommand command, CancellationToken cancellationToken) =>
        TaskChanges.ChangeAsync(db, command, task => task.Cancel(command.Reason ?? "", clock.GetUtcNow()), cancellationToken);
}
