using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Warnings;

/// <summary>A warning, its CAP message sequence, and the approve and cancel actions its capabilities allow.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    public WarningView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sender.Send(new GetWarningQuery(id), ct);

    /// <summary>A coordinator approves the version they read; it goes out as a CAP Alert.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, uint? version, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            await sender.Send(new ApproveAndPublishWarningCommand { WarningId = id, Version = version }, ct);
            return Texts.Get("Warnings.Published");
        });
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, uint? version, string? reason, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            var warning = await sender.Send(new CancelWarningCommand { WarningId = id, Version = version, Reason = reason }, ct);
            return Texts.Get(warning.MessageCount > 0 ? "Warnings.Cancelled" : "Warnings.SetAside");
        });
        return RedirectToPage(new { id });
    }
}
