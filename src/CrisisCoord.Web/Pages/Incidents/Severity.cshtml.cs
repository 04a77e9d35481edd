using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class SeverityModel(ISender sender) : IncidentChangePageModel<SetIncidentSeverityCommand>(sender)
{
    protected override SetIncidentSeverityCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Version = incident.Version };

    protected override SetIncidentSeverityCommand For(SetIncidentSeverityCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentDto incident) => incident.EscalationRequired
        ? Texts.Format("Incidents.Severity.DoneEscalate", Display.SeverityText(incident.Severity))
        : Texts.Format("Incidents.Severity.Done", Display.SeverityText(incident.Severity));
}
