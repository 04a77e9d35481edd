using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Resources;

public sealed class DetailsModel(ISender sender, ICurrentUser user) : PageModel
{
    public ResourceDto Resource { get; private set; } = null!;

    /// <summary>Only the holder's resource managers see the edit and confirm actions (the policy enforces it anyway).</summary>
    public bool IsHolder => user.IsInRole(Roles.ResourceManager) && user.OrganisationId == Resource.OrganisationId;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Resource = await sender.Send(new GetResourceQuery(id), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        await sender.Send(new ConfirmInventoryCommand(id), ct);
        TempData["Flash"] = "Inventory confirmed.";
        return RedirectToPage(new { id });
    }
}
