using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>What every change to a task carries: the task, and the version the sender saw (If-Match).</summary>
public abstract record TaskChange : ITaskMessage
{
    public Guid Id { get; init; }

    Guid ITaskMessage.TaskId => Id;

    public uint? Version { get; init; }
}

/// <summary>A coordinator gives the task to a participating organisation, or gives it to another one (reassignment).</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.AssignTask)]
public sealed record AssignTaskCommand : TaskChange, ICommand<TaskDto>
{
    public Guid? OrganisationId { get; init; }
}

/// <summary>The assigned organisation takes the task on.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.AcceptTask)]
public sealed record AcceptTaskCommand : TaskChange, ICommand<TaskDto>;

/// <summary>The assigned organisation turns the task down, saying why.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.DeclineTask)]
public sealed record DeclineTaskCommand : TaskChange, ICommand<TaskDto>
{
    public string? Reason { get; init; }
}

/// <summary>The assigned organisation has started the work.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.StartTask)]
public sealed record StartTaskCommand : TaskChange, ICommand<TaskDto>;

/// <summary>The assigned organisation has finished the work.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.CompleteTask)]
public sealed record CompleteTaskCommand : TaskChange, ICommand<TaskDto>;

/// <summary>A coordinator calls the task off.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.CancelTask)]
public sealed record CancelTaskCommand : TaskChange, ICommand<TaskDto>
{
    public string? Reason { get; init; }
}

/// <summary>An organisation taking part takes an open task on itself.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.ClaimTask)]
public sealed record ClaimTaskCommand : TaskChange, ICommand<TaskDto>;

public sealed class AssignTaskCommandValidator : AbstractValidator<AssignTaskCommand>
{
    public AssignTaskCommandValidator() => RuleFor(x => x.OrganisationId).NotEmpty().WithMessage("Choose the organisation to give the task to.");
}

public sealed class DeclineTaskCommandValidator : AbstractValidator<DeclineTaskCommand>
{
    public DeclineTaskCommandValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why, so the coordinator can find someone else.").MaximumLength(IncidentTask.ReasonMaxLength).PlainText();
}

public sealed class CancelTaskCommandValidator : AbstractValidator<CancelTaskCommand>
{
    public CancelTaskCommandValidator() => RuleFor(x => x.Reason).MaximumLength(IncidentTask.ReasonMaxLength).PlainText();
}

/// <summary>One handler for every change of a task's state: load (conditional), check who may, apply the domain rule, save.</summary>
public sealed class ChangeTaskStateHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) :
    ICommandHandler<AssignTaskCommand, TaskDto>,
    ICommandHandler<AcceptTaskCommand, TaskDto>,
    ICommandHandler<DeclineTaskCommand, TaskDto>,
    ICommandHandler<StartTaskCommand, TaskDto>,
    ICommandHandler<CompleteTaskCommand, TaskDto>,
    ICommandHandler<CancelTaskCommand, TaskDto>,
    ICommandHandler<ClaimTaskCommand, TaskDto>
{
    public ValueTask<TaskDto> Handle(AssignTaskCommand command, CancellationToken ct) => ChangeAsync(command, async task =>
    {
        await db.EnsureParticipantAsync(task.IncidentId, command.OrganisationId!.Value, ct);
        task.AssignTo(command.OrganisationId.Value, clock.GetUtcNow());
    }, ct);

    public ValueTask<TaskDto> Handle(AcceptTaskCommand command, CancellationToken ct) =>
        ChangeAsync(command, task => Done(() => task.Accept(clock.GetUtcNow())), ct);

    public ValueTask<TaskDto> Handle(DeclineTaskCommand command, CancellationToken ct) =>
        ChangeAsync(command, task => Done(() => task.Decline(command.Reason!, clock.GetUtcNow())), ct);

    public ValueTask<TaskDto> Handle(StartTaskCommand command, CancellationToken ct) =>
        ChangeAsync(command, task => Done(() => task.Start(clock.GetUtcNow())), ct);

    public ValueTask<TaskDto> Handle(CompleteTaskCommand command, CancellationToken ct) =>
        ChangeAsync(command, task => Done(() => task.Complete(clock.GetUtcNow())), ct);

    public ValueTask<TaskDto> Handle(CancelTaskCommand command, CancellationToken ct) =>
        ChangeAsync(command, task => Done(() => task.Cancel(command.Reason ?? "", clock.GetUtcNow())), ct);

    public ValueTask<TaskDto> Handle(ClaimTaskCommand command, CancellationToken ct) =>
        ChangeAsync(command, task => Done(() => task.Claim(user.OrganisationId!.Value, clock.GetUtcNow())), ct);

    private static Task Done(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    private async ValueTask<TaskDto> ChangeAsync(TaskChange command, Func<IncidentTask, Task> change, CancellationToken ct)
    {
        var task = await db.LoadTaskForChangeAsync(command.Id, command.Version, ct);
        await change(task);
        await db.SaveChangesAsync(ct);
        return await TaskDto.LoadAsync(db, task.Id, ct);
    }
}
