using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
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
        ? new ObligationTable(obligations.Items, Texts.Get("Incidents.Details.ObligationsCaption"), Texts.Get("Incidents.Details.ObligationsEmpty"), ShowIncident: false)
        : null;

    /// <summary>How a link reads from this incident's side, in the reader's language.</summary>
    public static string Reads(IncidentLinkDto link) => Texts.Get((link.Relation, link.FromThisSide) switch
    {
        (IncidentRelation.Caused, true) => "Incidents.Link.Reads.Caused",
        (IncidentRelation.Caused, false) => "Incidents.Link.Reads.CausedBy",
        _ => "Incidents.Link.Reads.RelatedTo",
    });

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sender.Send(new GetIncidentViewQuery(id), ct);

    /// <summary>A coordinator of either incident removes a link between them.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid link, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            await sender.Send(new UnlinkIncidentsCommand(id, link), ct);
            return Texts.Get("Incidents.Details.Unlinked");
        });
        return RedirectToPage(new { id });
    }

    /// <summary>A coordinator commits an offer made unasked.</summary>
    public async Task<IActionResult> OnPostCommitOfferAsync(Guid id, Guid offer, decimal? quantity, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            var commitment = await sender.Send(new CommitOfferCommand { OfferId = offer, Quantity = quantity }, ct);
            return Texts.Format("Incidents.Details.CommittedOffer", Display.Quantity(commitment.Quantity), commitment.OrganisationName);
        });
        return RedirectToPage(new { id });
    }
}
