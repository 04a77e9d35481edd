using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Objectives;

[FormPage]
public sealed class ProgressModel(ISender sender) : ObjectiveChangePageModel<RecordObjectiveProgressCommand>(sender)
{
    protected override RecordObjectiveProgressCommand Blank(ObjectiveDto objective) =>
        new() { Id = objective.Id, Version = objective.Version, Progress = objective.Progress };

    protected override RecordObjectiveProgressCommand For(RecordObjectiveProgressCommand input, Guid id) => input with { Id = id };

    protected override string Done(ObjectiveDto objective) => objective.Status == Domain.Incidents.ObjectiveStatus.Met
        ? Texts.Format("Objectives.Progress.Met", objective.Title)
        : Texts.Format("Objectives.Progress.Done", objective.Title, objective.Percent);
}
