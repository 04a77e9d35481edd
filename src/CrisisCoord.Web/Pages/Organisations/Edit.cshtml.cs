using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        var organisation = await sender.Send(Input, ct);
        TempData["Flash"] = $"Organisation updated: {organisation.Name}.";
        return RedirectToPage("/Organisations/Details", new { id = Id });
    }
}
