using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>Moves an incident to its next state (verify, warn, respond, recover, close, dismiss), with a reason.</summary>
[RecordedAs(typeof(Incident))]
[Performs(Act.TransitionIncident)]
public sealed record TransitionIncidentCommand : ICommand<IncidentDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    /// <summary>The state to move to: Warning, Response, Recovery, Closed or Dismissed.</summary>
    public IncidentState? To { get; init; }

    public string? Reason { get; init; }

    /// <summary>The version the sender saw (If-Match); the change is refused if the incident changed since.</summary>
    public uint? Version { get; init; }
}

public sealed class TransitionIncidentCommandValidator : AbstractValidator<TransitionIncidentCommand>
{
    public TransitionIncidentCommandValidator()
    {
        RuleFor(x => x.To)
            .NotNull().WithMessage("Choose the state to move the incident to.")
            .Known().WithMessage(x => EnumText.NotValidMessage<IncidentState>(x.To.ToString()));
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(IncidentCommands.ReasonRequired)
            .MaximumLength(Incident.ReasonMaxLength)
            .PlainText();
    }
}

public sealed class TransitionIncidentCommandHandler(AppDbContext db, TimeProvider clock, WarningIssuer warnings)
    : ICommandHandler<TransitionIncidentCommand, IncidentDto>
{
    public async ValueTask<IncidentDto> Handle(TransitionIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForChangeAsync(command.IncidentId, command.Version, cancellationToken);
        var to = command.To!.Value;
        if (to == IncidentState.Closed && await db.UnsettledAsync(incident.Id, incident.State.Phase(), cancellationToken) is { Count: > 0 } open)
        {
            throw new DomainRuleException(
                $"The incident cannot close while objectives of this phase are open: {string.Join("; ", open)}. Record them as met or waive them with a reason.");
        }

        incident.TransitionTo(to, command.Reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (!incident.State.IsOpen())
        {
            // A closed incident warns no one: its live warnings end with it, in this transaction.
            await warnings.ExpireWithIncidentAsync(incident.Id, cancellationToken);
        }

        return IncidentDto.From(incident);
    }
}
