using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>Re-grades an incident (I–IV); past the lead's level it becomes "escalation required".</summary>
[RecordedAs(typeof(Incident))]
[Performs(Act.SetSeverity)]
public sealed record SetIncidentSeverityCommand : ICommand<IncidentDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public Severity? Severity { get; init; }

    public string? Reason { get; init; }

    public uint? Version { get; init; }
}

public sealed class SetIncidentSeverityCommandValidator : AbstractValidator<SetIncidentSeverityCommand>
{
    public SetIncidentSeverityCommandValidator()
    {
        RuleFor(x => x.Severity)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.ChooseGradeIEspecially"))
            .Known().WithMessage(x => EnumText.NotValidMessage<Severity>(x.Severity.ToString()));
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(_ => IncidentCommands.ReasonRequired)
            .MaximumLength(Incident.ReasonMaxLength)
            .PlainText();
    }
}

public sealed class SetIncidentSeverityCommandHandler(AppDbContext db, GradedResponse rules)
    : ICommandHandler<SetIncidentSeverityCommand, IncidentDto>
{
    public async ValueTask<IncidentDto> Handle(SetIncidentSeverityCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForChangeAsync(command.IncidentId, command.Version, cancellationToken);
        var leadLevel = incident.LeadOrganisationId is { } lead
            ? await db.Organisations.Where(o => o.Id == lead).Select(o => (Domain.Organisations.AdministrativeLevel?)o.Level).SingleAsync(cancellationToken)
            : null;
        incident.ChangeSeverity(command.Severity!.Value, command.Reason!, leadLevel, rules);
        await db.SaveChangesAsync(cancellationToken);
        return IncidentDto.From(incident);
    }
}
