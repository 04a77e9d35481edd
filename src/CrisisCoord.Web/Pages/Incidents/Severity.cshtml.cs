using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class SeverityModel(ISender sender) : IncidentChangePageModel<SetIncidentSeverityCommand>(sender)
{
    protected override SetIncidentSeverityCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Version = incident.Version };

    protected override SetIncidentSeverityCommand For(SetIncidentSeverityCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentDto incident) => incident.EscalationRequired
        ? $"Re-graded to {Display.SeverityText(incident.Severity)}. Escalation required: the lead is below the level this grade needs."
        : $"Re-graded to {Display.SeverityText(incident.Severity)}.";
}
