using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Web.Pages.Organisations;

public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty]
    public UpdateOrganisationCommand Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrganisationKind? Kind { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var form = await sender.Send(new GetOrganisationForUpdateQuery(Id), ct);
        (Kind, Input) = (form.Kind, form.Input);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = Input with { Id = Id };
        Kind = (await sender.Send(new GetOrganisationForUpdateQuery(Id), ct)).Kind;
        try
        {
            var organisation = await sender.Send(Input, ct);
            TempData["Flash"] = $"Organisation updated: {organisation.Name}.";
            return RedirectToPage("/Organisations/Details", new { id = Id });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep what they typed: they can reload in another tab, compare, and save again.
            ModelState.AddModelError("", "Someone else changed this organisation while you were editing. Open it again to see their change, then make yours.");
            return Page();
        }
    }
}
