using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>A coordinator gives up an objective on purpose, saying why (so the phase can close).</summary>
[RecordedAs(typeof(Objective))]
[Performs(Act.WaiveObjective)]
public sealed record WaiveObjectiveCommand : ICommand<ObjectiveDto>, IObjectiveMessage
{
    public Guid Id { get; init; }

    Guid IObjectiveMessage.ObjectiveId => Id;

    public string? Reason { get; init; }

    public uint? Version { get; init; }
}

public sealed class WaiveObjectiveCommandValidator : AbstractValidator<WaiveObjectiveCommand>
{
    public WaiveObjectiveCommandValidator() =>
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(_ => IncidentCommands.ReasonRequired)
            .MaximumLength(Objective.ReasonMaxLength)
            .PlainText();
}

public sealed class WaiveObjectiveCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<WaiveObjectiveCommand, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(WaiveObjectiveCommand command, CancellationToken cancellationToken)
    {
        var objective = await db.LoadObjectiveForChangeAsync(command.Id, command.Version, cancellationToken);
        objective.Waive(command.Reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ObjectiveDto.From(objective);
    }
}
