using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Objectives;

/// <summary>A page that sends one change to an objective (progress, waiver) and goes back to its incident.</summary>
public abstract class ObjectiveChangePageModel<TCommand>(ISender sender) : CommandFormPageModel<TCommand, ObjectiveDto>(sender)
    where TCommand : class, ICommand<ObjectiveDto>
{
    public ObjectiveDto Objective { get; private set; } = null!;

    public IncidentDto Incident { get; private set; } = null!;

    protected sealed override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Objective = await Sender.Send(new GetObjectiveQuery(id), ct);
        FormRefusal.EnsureAllowed<TCommand>(Objective.Capabilities);
        Incident = await Sender.Send(new GetIncidentQuery(Objective.IncidentId), ct);
    }

    protected sealed override TCommand Blank() => Blank(Objective);

    protected abstract TCommand Blank(ObjectiveDto objective);

    protected override IActionResult After(ObjectiveDto result, Guid id) => RedirectToPage("/Incidents/Details", new { id = result.IncidentId });
}
