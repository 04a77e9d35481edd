using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Charters;

public sealed class IndexModel(ISender sender, MyCapabilitiesProvider capabilities) : PageModel
{
    public const int RecentChanges = 20;

    /// <summary>The form that changes one kind default (administrators only; the pipeline enforces it).</summary>
    [BindProperty]
    public ChangeCharterCommand Input { get; set; } = new();

    public CharterMatrixDto Matrix { get; private set; } = null!;

    public IReadOnlyList<CharterChangeDto> Changes { get; private set; } = [];

    public bool ChangesShown { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Loaded before every handler, so a refused change re-renders with the matrix and history.
        Matrix = await sender.Send(new GetCharterMatrixQuery(), HttpContext.RequestAborted);
        ChangesShown = await capabilities.CanAsync(Act.ViewCharterChanges);
        if (ChangesShown)
        {
            Changes = await sender.Send(new ListCharterChangesQuery { Limit = RecentChanges }, HttpContext.RequestAborted);
        }

        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var change = await sender.Send(Input with { OrganisationId = null, Phases = Input.Phases ?? [] }, ct);
        TempData["Flash"] = Texts.Format("Charters.Saved", OrganisationDisplay.Item($"{change.Type}.{change.Item}"), OrganisationDisplay.Kind(change.Kind), OrganisationDisplay.PhaseList(change.ToPhases));
        return RedirectToPage("/Charters/Index");
    }
}
