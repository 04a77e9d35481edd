using System.Globalization;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Requests;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Requests;

/// <summary>
/// One request thread: coordinators ask candidates and commit offers, organisations answer from their own
/// inventory and report their deliveries; everyone who may see it sees how far it is covered and delivered.
/// </summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    /// <summary>The answer form (organisations that may answer).</summary>
    [BindProperty]
    public RespondToResourceRequestCommand Input { get; set; } = new();

    public RequestView View { get; private set; } = null!;

    public ResourceRequestDto Thread => View.Thread;

    public IReadOnlyList<CandidateDto> Candidates => View.Candidates;

    /// <summary>The reader's organisation's resources of the type asked for, with some left.</summary>
    public IReadOnlyList<ResourceDto> MyResources => View.MyResources;

    public Capabilities Capabilities => View.Capabilities;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Loaded before every handler, so a refused answer re-renders with the whole thread.
        View = await sender.Send(new GetRequestViewQuery(Guid.Parse((string)RouteData.Values["id"]!)), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet()
    {
    }

    /// <summary>The thread as EDXL-RM messages, for another agency's system.</summary>
    public async Task<IActionResult> OnGetEdxlAsync(Guid id, CancellationToken ct)
    {
        var document = await sender.Send(new ExportRequestThreadQuery(id), ct);
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.Declaration + Environment.NewLine + document);
        return File(bytes, "application/xml", $"request-{id}.edxl-rm.xml");
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        var offer = await sender.Send(Input with { RequestId = id }, ct);
        TempData["Flash"] = offer.Answer == OfferAnswer.Decline
            ? Texts.Get("Requests.Declined")
            : Texts.Format("Requests.Offered", Display.Amount(offer.Quantity, Thread.Unit), Texts.Get($"Requests.AnswerWord.{offer.Answer}"));
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostAskAsync(Guid id, Guid organisation, CancellationToken ct) => Do(id, async () =>
    {
        await sender.Send(new AskOrganisationCommand { RequestId = id, OrganisationId = organisation }, ct);
        return Texts.Format("Requests.AskedFlash", Candidates.FirstOrDefault(c => c.OrganisationId == organisation)?.OrganisationName ?? Texts.Get("Requests.TheOrganisation"));
    });

    public Task<IActionResult> OnPostCommitAsync(Guid id, Guid offer, decimal? quantity, CancellationToken ct) => Do(id, async () =>
    {
        var commitment = await sender.Send(new CommitOfferCommand { OfferId = offer, RequestId = id, Quantity = quantity }, ct);
        return Texts.Format("Requests.CommittedFlash", Display.Amount(commitment.Quantity, Thread.Unit), commitment.OrganisationName);
    });

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid commitment, uint version, CommitmentState status, CancellationToken ct) => Do(id, async () =>
    {
        var moved = status == CommitmentState.Released
            ? await sender.Send(new ReleaseCommitmentCommand { CommitmentId = commitment, Version = version }, ct)
            : await sender.Send(new ReportCommitmentCommand { CommitmentId = commitment, Version = version, Status = status }, ct);
        return Texts.Format("Requests.MovedFlash", moved.OrganisationName, Display.Amount(moved.Quantity, Thread.Unit), Display.Commitment(moved.State).ToLower(CultureInfo.CurrentCulture));
    });

    public Task<IActionResult> OnPostCloseAsync(Guid id, uint version, string? reason, CancellationToken ct) => Do(id, async () =>
    {
        await sender.Send(new CloseResourceRequestCommand { RequestId = id, Version = version, Reason = reason }, ct);
        return Texts.Get("Requests.ClosedFlash");
    });

    private async Task<IActionResult> Do(Guid id, Func<Task<string>> act)
    {
        TempData["Flash"] = await PageActions.TryAsync(act);
        return RedirectToPage(new { id });
    }
}
