using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Audit;

/// <summary>Every chain with its head and latest checkpoint; where an auditor starts verifying.</summary>
public sealed class ChainsModel(ISender sender) : PageModel
{
    public IReadOnlyList<ChainSummaryDto> Chains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Chains = await sender.Send(new ListChainsQuery(), ct);

    /// <summary>Signs the head of every chain that grew since its last checkpoint.</summary>
    public async Task<IActionResult> OnPostCheckpointAsync(CancellationToken ct)
    {
        var taken = await sender.Send(new TakeCheckpointRequest(), ct);
        TempData["Flash"] = taken.Count == 0
            ? Texts.Get("Audit.Chains.NothingNew")
            : Texts.Format(taken.Count == 1 ? "Audit.Chains.SignedOne" : "Audit.Chains.SignedMany", taken.Count);
        return RedirectToPage();
    }
}
