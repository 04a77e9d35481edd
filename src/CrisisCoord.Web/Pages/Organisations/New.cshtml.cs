using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Organisations;

[FormPage]
public sealed class NewModel(ISender sender) : PageModel
{
    [BindProperty]
    public RegisterOrganisationCommand Input { get; set; } = new();

    /// <summary>Each kind's default profile, shown so the administrator knows what a blank field becomes.</summary>
    public IReadOnlyList<ProfileDefault> Defaults { get; private set; } = [];

    // Sent inside the handler (not before it) so a non-administrator gets the access-denied page.
    public async Task OnGetAsync(CancellationToken ct) => Defaults = await sender.Send(new GetOrganisationProfileDefaultsQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Defaults = await sender.Send(new GetOrganisationProfileDefaultsQuery(), ct);
        var organisation = await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Format("Organisations.Registered.Flash", organisation.Name);
        return RedirectToPage("/Organisations/Details", new { id = organisation.Id });
    }
}
