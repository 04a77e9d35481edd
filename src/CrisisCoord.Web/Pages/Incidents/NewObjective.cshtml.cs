using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class NewObjectiveModel(ISender sender) : IncidentChangePageModel<SetObjectiveCommand, ObjectiveDto>(sender)
{
    protected override SetObjectiveCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Phase = incident.State.Phase() };

    protected override SetObjectiveCommand For(SetObjectiveCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ObjectiveDto objective) => Texts.Format("Incidents.NewObjective.Done", objective.Title);
}
