using CrisisCoord.Application.Features.Organisations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Organisations;

public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListOrganisationsQuery Input { get; set; } = new();

    public OrganisationList? Results { get; private set; }

    public bool IsFiltered =>
        !string.IsNullOrEmpty(Input.Kind) || !string.IsNullOrEmpty(Input.Level)
        || !string.IsNullOrWhiteSpace(Input.Area) || !string.IsNullOrWhiteSpace(Input.Q);

    public async Task OnGetAsync(CancellationToken ct) => Results = await sender.Send(Input, ct);
}
