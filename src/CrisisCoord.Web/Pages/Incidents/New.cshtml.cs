using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class NewModel(ISender sender) : PageModel
{
    [BindProperty]
    public LogIncidentCommand Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var incident = await sender.Send(Input, ct);
        TempData["Flash"] = $"Incident logged: {incident.Title}.";
        return RedirectToPage("/Incidents/Details", new { id = incident.Id });
    }
}
