using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Resources;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public ResourceDto Resource { get; private set; } = null!;

    /// <summary>Those who may edit the resource (its holder's resource managers) see the edit and confirm actions.</summary>
    public bool IsHolder => Resource.Capabilities?.Can(Act.EditResource) == true;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Resource = await sender.Send(new GetResourceQuery(id), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        await sender.Send(new ConfirmInventoryCommand(id), ct);
        TempData["Flash"] = Texts.Get("Resources.Confirmed");
        return RedirectToPage(new { id });
    }
}
