using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Reports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Severity = CrisisCoord.Domain.Incidents.Severity;

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

    /// <summary>The grade, when verifying a report: required if the reporter gave none, else it may change the reported one.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The version the sender saw (If-Match); the change is refused if the incident changed since.</summary>
    public uint? Version { get; init; }
}

public sealed class TransitionIncidentCommandValidator : AbstractValidator<TransitionIncidentCommand>
{
    public TransitionIncidentCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.To)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.ChooseStateMoveIncident"))
            .Known().WithMessage(x => EnumText.NotValidMessage<IncidentState>(x.To.ToString()));
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(_ => IncidentCommands.ReasonRequired)
            .MaximumLength(Incident.ReasonMaxLength)
            .PlainText();
        RuleFor(x => x.Severity)
            .Known().WithMessage(x => EnumText.NotValidMessage<Severity>(x.Severity.ToString()));
        // Beside the field rather than as a conflict: the verifier can put it right on the same form.
        RuleFor(x => x.Severity).CustomAsync(async (grade, context, ct) =>
        {
            var command = context.InstanceToValidate;
            if (command.To is not { } to || !Enum.IsDefined(to))
            {
                return;
            }

            var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == command.IncidentId)
                .Select(i => new { i.State, i.AwaitingGrade }).SingleOrDefaultAsync(ct);
            var verifying = incident?.State == IncidentState.Reported && to is IncidentState.Warning or IncidentState.Response;
            if (grade is null && verifying && incident!.AwaitingGrade)
            {
                context.AddFailure(nameof(TransitionIncidentCommand.Severity), Incident.NeedsGradeMessage);
            }
            else if (grade is not null && incident is not null && !verifying)
            {
                context.AddFailure(nameof(TransitionIncidentCommand.Severity), "A grade is given here only when verifying a report; re-grade the incident to change it.");
            }
        });
    }
}

public sealed class TransitionIncidentCommandHandler(AppDbContext db, TimeProvider clock, WarningIssuer warnings, GradedResponse rules, Notifier notifier)
    : ICommandHandler<TransitionIncidentCommand, IncidentDto>
{
    public async ValueTask<IncidentDto> Handle(TransitionIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForChangeAsync(command.IncidentId, command.Version, cancellationToken);
        var to = command.To!.Value;
        if (to == IncidentState.Closed && await db.UnsettledAsync(incident.Id, incident.State.Phase(), cancellationToken) is { Count: > 0 } open)
        {
            throw new DomainRuleException(new(
                "Rule.Incident.OpenObjectives",
                "The incident cannot close while objectives of this phase are open: {0}. Record them as met or waive them with a reason.",
                string.Join(Texts.Get("Rule.ObjectiveSeparator"), open)));
        }

        var wasReported = incident.State == IncidentState.Reported;
        if (incident.IsVerification(to))
        {
            var leadLevel = incident.LeadOrganisationId is { } lead
                ? await db.Organisations.Where(o => o.Id == lead).Select(o => (AdministrativeLevel?)o.Level).SingleAsync(cancellationToken)
                : null;
            incident.Verify(to, command.Reason!, command.Severity, leadLevel, rules, clock.GetUtcNow());
        }
        else
        {
            incident.TransitionTo(to, command.Reason!, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        if (wasReported)
        {
            // Verified or dismissed: the people who reported it hear what became of their report.
            await notifier.ReportOutcomeAsync(incident.Id, ReportOutcomes.Of(incident.State), cancellationToken);
        }

        if (!incident.State.IsOpen())
        {
            // A closed incident warns no one: its live warnings end with it, in this transaction.
            await warnings.ExpireWithIncidentAsync(incident.Id, cancellationToken);
        }

        return IncidentDto.From(incident);
    }
}
