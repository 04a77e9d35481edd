using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>
/// A page that sends one change to an incident (state, grade, lead): it shows the incident, binds the
/// command as Input with the version the person saw, and goes back to the incident when it is done.
/// </summary>
public abstract class IncidentChangePageModel<TCommand>(ISender sender) : IncidentChangePageModel<TCommand, IncidentDto>(sender)
    where TCommand : class, ICommand<IncidentDto>;

/// <summary>The same for a command about an incident that answers with something else (a participant).</summary>
public abstract class IncidentChangePageModel<TCommand, TResult>(ISender sender) : PageModel
    where TCommand : class, ICommand<TResult>
{
    [BindProperty]
    public TCommand Input { get; set; } = null!;

    protected ISender Sender { get; } = sender;

    public IncidentDto Incident { get; private set; } = null!;

    // Runs before the command filter, so the page can always render (also when it refuses unreadable input).
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Incident = await Sender.Send(new GetIncidentQuery(Guid.Parse((string)RouteData.Values["id"]!)), HttpContext.RequestAborted);
        await LoadAsync(HttpContext.RequestAborted);
        await next();
    }

    public void OnGet() => Input = Blank(Incident);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var changed = await Sender.Send(For(Input, id), ct);
        TempData["Flash"] = Done(changed);
        return After(changed) ?? RedirectToPage("/Incidents/Details", new { id });
    }

    /// <summary>Where to go once done; the incident page unless a page says otherwise.</summary>
    protected virtual IActionResult? After(TResult result) => null;

    protected virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The form as it first appears, carrying the incident's current version.</summary>
    protected abstract TCommand Blank(IncidentDto incident);

    /// <summary>The posted form aimed at the incident in the address (never at one named in the body).</summary>
    protected abstract TCommand For(TCommand input, Guid id);

    protected abstract string Done(TResult result);
}
