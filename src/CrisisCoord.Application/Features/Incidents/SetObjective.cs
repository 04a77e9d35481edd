using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>A coordinator sets a measurable objective for a phase of the incident.</summary>
[RecordedAs(typeof(Objective))]
[Performs(Act.SetObjective)]
public sealed record SetObjectiveCommand : ICommand<ObjectiveDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    /// <summary>Warning, Response or Recovery; the incident's current phase when left empty.</summary>
    public Phases? Phase { get; init; }

    public string? Title { get; init; }

    /// <summary>The number to reach; empty for a done / not done objective.</summary>
    public decimal? Target { get; init; }

    public string? Unit { get; init; }
}

public sealed class SetObjectiveCommandValidator : AbstractValidator<SetObjectiveCommand>
{
    public SetObjectiveCommandValidator()
    {
        RuleFor(x => x.Phase).OnePhase();
        RuleFor(x => x.Title)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.SayWhatAchievedE"))
            .MaximumLength(Objective.TitleMaxLength)
            .PlainText();
        RuleFor(x => x.Target)
            .GreaterThan(0).WithMessage(_ => Texts.Get("Validation.Incidents.TargetMoreThanZero"))
            .LessThanOrEqualTo(1_000_000_000).WithMessage(_ => Texts.Get("Validation.Incidents.TargetImplausiblyLarge"));
        RuleFor(x => x.Unit)
            .NotEmpty().When(x => x.Target is not null).WithMessage(_ => Texts.Get("Validation.Incidents.GiveUnitTargetE"))
            .MaximumLength(Objective.UnitMaxLength)
            .PlainText();
    }
}

public sealed class SetObjectiveCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<SetObjectiveCommand, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(SetObjectiveCommand command, CancellationToken cancellationToken)
    {
        var phase = await db.WorkingPhaseAsync(command.IncidentId, command.Phase, cancellationToken);
        var objective = Objective.Set(command.IncidentId, phase, command.Title!, command.Target, command.Unit ?? "", clock.GetUtcNow());
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(cancellationToken);
        return ObjectiveDto.From(objective);
    }
}
