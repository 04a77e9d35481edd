using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class TransitionModel(ISender sender) : IncidentChangePageModel<TransitionIncidentCommand>(sender)
{
    public IReadOnlyList<IncidentState> NextStates => IncidentStateMachine.NextStates(Incident.State);

    protected override TransitionIncidentCommand Blank(IncidentDto incident) =>
        new() { IncidentId = incident.Id, Version = incident.Version, To = NextStates.Count == 1 ? NextStates[0] : null };

    protected override TransitionIncidentCommand For(TransitionIncidentCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentDto incident) => Texts.Format("Incidents.Transition.Done", Display.State(incident.State));
}
