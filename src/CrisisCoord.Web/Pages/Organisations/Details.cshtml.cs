using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Features.Memberships;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Organisations;

public sealed class DetailsModel(ISender sender) : PageModel
{
    /// <summary>The charter override form (administrators only; the pipeline enforces it).</summary>
    [BindProperty]
    public ChangeCharterCommand Input { get; set; } = new();

    public OrganisationDetailDto Detail { get; private set; } = null!;

    public IReadOnlyList<ResourceDto> Resources => Detail.Resources;

    /// <summary>What the organisation owes now, for those who may see it; null for others.</summary>
    public ObligationTable? Obligations => Detail.Obligations is { } obligations
        ? new ObligationTable(obligations.Items, Texts.Format("Organisations.Owes", Detail.Organisation.Name), Texts.Get("Organisations.OwesNothing"))
        : null;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Loaded before every handler, so a refused override re-renders with the whole page.
        var id = Guid.Parse((string)RouteData.Values["id"]!);
        Detail = await sender.Send(new GetOrganisationQuery(id), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAdmitAsync(Guid id, Guid request, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
            Texts.Format("Organisations.Admitted", (await sender.Send(new AdmitMemberCommand { OrganisationId = id, RequestId = request }, ct)).PersonName, Detail.Organisation.Name));
        return RedirectToPage("/Organisations/Details", new { id });
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid request, string? reason, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
            Texts.Format("Organisations.Declined", (await sender.Send(new DeclineMemberCommand { OrganisationId = id, RequestId = request, Reason = reason }, ct)).PersonName));
        return RedirectToPage("/Organisations/Details", new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, Guid person, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            await sender.Send(new DisableAccountCommand(person), ct);
            return Texts.Format("Organisations.AccountDisabled", NameOf(person));
        });
        return RedirectToPage("/Organisations/Details", new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, Guid person, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            await sender.Send(new EnableAccountCommand(person), ct);
            return Texts.Format("Organisations.AccountEnabled", NameOf(person));
        });
        return RedirectToPage("/Organisations/Details", new { id });
    }

    private string NameOf(Guid person) => Detail.People.FirstOrDefault(p => p.Id == person)?.DisplayName ?? Texts.Get("Organisations.ThePerson");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var change = await sender.Send(Input with { OrganisationId = id, Kind = null, Phases = Input.Phases ?? [] }, ct);
        TempData["Flash"] = Texts.Format("Organisations.OverrideSaved", OrganisationDisplay.Item($"{change.Type}.{change.Item}"), Detail.Organisation.Name, OrganisationDisplay.PhaseList(change.ToPhases));
        return RedirectToPage("/Organisations/Details", new { id });
    }
}
