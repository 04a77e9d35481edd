using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>Where an objective stands now: a number towards its target, or 1 for done.</summary>
[RecordedAs(typeof(Objective))]
[Performs(Act.RecordProgress)]
public sealed record RecordObjectiveProgressCommand : ICommand<ObjectiveDto>, IObjectiveMessage
{
    public Guid Id { get; init; }

    Guid IObjectiveMessage.ObjectiveId => Id;

    public decimal? Progress { get; init; }

    public uint? Version { get; init; }
}

public sealed class RecordObjectiveProgressCommandValidator : AbstractValidator<RecordObjectiveProgressCommand>
{
    public RecordObjectiveProgressCommandValidator() =>
        RuleFor(x => x.Progress)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.GiveProgressHowMuch"))
            .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Incidents.ProgressCannotNegative"));
}

public sealed class RecordObjectiveProgressCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<RecordObjectiveProgressCommand, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(RecordObjectiveProgressCommand command, CancellationToken cancellationToken)
    {
        var objective = await db.LoadObjectiveForChangeAsync(command.Id, command.Version, cancellationToken);
        objective.RecordProgress(command.Progress!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ObjectiveDto.From(objective);
    }
}
