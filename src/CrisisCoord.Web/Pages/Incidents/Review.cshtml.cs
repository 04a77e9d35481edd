using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The after-action review: one read on GET; the lead's signature on POST.</summary>
public sealed class ReviewModel(ISender sender) : PageModel
{
    public IncidentReviewDto Review { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Review = await sender.Send(new GetIncidentReviewQuery(id), ct);

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            var signature = await sender.Send(new SignReviewCommand(id), ct);
            return Texts.Format("Review.Signed", signature.ContentHash);
        });
        return RedirectToPage(new { id });
    }
}
