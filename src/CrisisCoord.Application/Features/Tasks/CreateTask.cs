using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>A coordinator creates a task in an incident, optionally assigning it at once to a participating organisation.</summary>
[RecordedAs(typeof(IncidentTask))]
[Performs(Act.CreateTask)]
public sealed record CreateTaskCommand : ICommand<TaskDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Warning, Response or Recovery; the incident's current phase when empty.</summary>
    public Phases? Phase { get; init; }

    public Guid? ObjectiveId { get; init; }

    /// <summary>Low, Normal (default), High or Urgent.</summary>
    public TaskPriority? Priority { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Catalogue codes, e.g. rescue-boat.</summary>
    public IReadOnlyList<string>? RequiredResourceTypes { get; init; }

    /// <summary>A participating organisation to give the task to now.</summary>
    public Guid? AssignedOrganisationId { get; init; }
}

public sealed class CreateTaskCommandValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskCommandValidator(AppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => Texts.Get("Validation.Tasks.SayWhatDone")).MaximumLength(IncidentTask.TitleMaxLength).PlainText();
        RuleFor(x => x.Description).MaximumLength(IncidentTask.DescriptionMaxLength).PlainText();
        RuleFor(x => x.Phase).OnePhase();
        RuleFor(x => x.Priority).Known().WithMessage(x => EnumText.NotValidMessage<TaskPriority>(x.Priority.ToString()));
        RuleFor(x => x.DueAt)
            .Must(due => due > clock.GetUtcNow())
            .When(x => x.DueAt is not null)
            .WithMessage(_ => Texts.Get("Validation.Tasks.DueTimePastGive"));
        RuleFor(x => x.RequiredResourceTypes)
            .MustAsync(async (codes, ct) => codes!.All(c => c is { Length: > 0 }) && await db.ResourceTypes.CountAsync(t => codes!.Contains(t.Code), ct) == codes!.Distinct().Count())
            .When(x => x.RequiredResourceTypes is { Count: > 0 })
            .WithMessage(_ => Texts.Get("Validation.Tasks.SomeResourceTypesCatalogue"));
        RuleFor(x => x.ObjectiveId)
            .MustAsync((command, id, ct) => db.Objectives.AnyAsync(o => o.Id == id && o.IncidentId == command.IncidentId, ct))
            .When(x => x.ObjectiveId is not null)
            .WithMessage(_ => Texts.Get("Validation.Tasks.ThereSuchObjectiveIncident"));
    }
}

public sealed class CreateTaskCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Notifier notifier) : ICommandHandler<CreateTaskCommand, TaskDto>
{
    public async ValueTask<TaskDto> Handle(CreateTaskCommand command, CancellationToken cancellationToken)
    {
        var phase = await db.WorkingPhaseAsync(command.IncidentId, command.Phase, cancellationToken);
        var now = clock.GetUtcNow();
        var task = IncidentTask.Create(
            command.IncidentId, command.Title!, command.Description ?? "", phase, command.ObjectiveId,
            command.Priority ?? TaskPriority.Normal,
            command.DueAt, command.RequiredResourceTypes ?? [], user.UserId, now);
        if (command.AssignedOrganisationId is { } organisation)
        {
            await db.EnsureParticipantAsync(command.IncidentId, organisation, cancellationToken);
            task.AssignTo(organisation, now);
        }

        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        if (task.AssignedOrganisationId is { } assignee)
        {
            await notifier.TaskAssignedAsync(task.Id, assignee, task.Title, task.IncidentId, task.StateChangedAt, cancellationToken);
        }

        return await TaskDto.LoadAsync(db, task.Id, cancellationToken);
    }
}
