using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Objectives;

/// <summary>A page that sends one change to an objective (progress, waiver) and goes back to its incident.</summary>
public abstract class ObjectiveChangePageModel<TCommand>(ISender sender) : PageModel
    where TCommand : class, ICommand<ObjectiveDto>
{
    [BindProperty]
    public TCommand Input { get; set; } = null!;

    public ObjectiveDto Objective { get; private set; } = null!;

    public IncidentDto Incident { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Objective = await sender.Send(new GetObjectiveQuery(Guid.Parse((string)RouteData.Values["id"]!)), HttpContext.RequestAborted);
        Incident = await sender.Send(new GetIncidentQuery(Objective.IncidentId), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet() => Input = Blank(Objective);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var changed = await sender.Send(For(Input, id), ct);
        TempData["Flash"] = Done(changed);
        return RedirectToPage("/Incidents/Details", new { id = changed.IncidentId });
    }

    protected abstract TCommand Blank(ObjectiveDto objective);

    protected abstract TCommand For(TCommand input, Guid id);

    protected abstract string Done(ObjectiveDto objective);
}
