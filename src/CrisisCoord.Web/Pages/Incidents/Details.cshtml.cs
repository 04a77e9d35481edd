using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The incident page: one read (<see cref="GetIncidentViewQuery"/>) whose capabilities draw every button.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    public IncidentView View { get; private set; } = null!;

    public IncidentDto Incident => View.Incident;

    public Capabilities Capabilities => View.Capabilities;

    /// <summary>The incident's own chain, newest first: what participants did and when.</summary>
    public TimelineEventPage Timeline => View.Timeline;

    public IReadOnlyList<ParticipantDto> Participants => View.Participants;

    public IReadOnlyList<ObjectiveDto> Objectives => View.Objectives;

    public IncidentReporting? Reporting => View.Reporting;

    public IncidentBalanceDto? Balance => View.Balance;

    /// <summary>Resource requests with their answers and commitments, and offers made unasked.</summary>
    public IncidentRequests? Requests => View.Requests;

    /// <summary>Who owes what in this incident now.</summary>
    public ObligationTable? Obligations => View.Obligations is { } obligations
        ? new ObligationTable(obligations.Items, "Open obligations in this incident, most overdue first", "Nothing is owed: tasks are acknowledged, reports and objectives are up to date.", ShowIncident: false)
        : null;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sender.Send(new GetIncidentViewQuery(id), ct);

    /// <summary>A coordinator of either incident removes a link between them.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid link, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            await sender.Send(new UnlinkIncidentsCommand(id, link), ct);
            return "The link was removed from both incidents.";
        });
        return RedirectToPage(new { id });
    }

    /// <summary>A coordinator commits an offer made unasked.</summary>
    public async Task<IActionResult> OnPostCommitOfferAsync(Guid id, Guid offer, decimal? quantity, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            var commitment = await sender.Send(new CommitOfferCommand { OfferId = offer, Quantity = quantity }, ct);
            return $"Committed {Display.Quantity(commitment.Quantity)} from {commitment.OrganisationName}; it is reserved in their inventory.";
        });
        return RedirectToPage(new { id });
    }
}
