using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Objectives;

[FormPage]
public sealed class WaiveModel(ISender sender) : ObjectiveChangePageModel<WaiveObjectiveCommand>(sender)
{
    protected override WaiveObjectiveCommand Blank(ObjectiveDto objective) => new() { Id = objective.Id, Version = objective.Version };

    protected override WaiveObjectiveCommand For(WaiveObjectiveCommand input, Guid id) => input with { Id = id };

    protected override string Done(ObjectiveDto objective) => Texts.Format("Objectives.Waive.Done", objective.Title);
}
