using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

public sealed class DetailsModel(ISender sender, GradedResponse gradedResponse) : PageModel
{
    public const int TimelineLength = 20;

    public IncidentDto Incident { get; private set; } = null!;

    /// <summary>The incident's own chain, newest first: what participants did and when.</summary>
    public TimelineEventPage Timeline { get; private set; } = null!;

    /// <summary>The lead's name and level, when there is a lead.</summary>
    public OrganisationDetailDto? Lead { get; private set; }

    public AdministrativeLevel MinimumLeadLevel { get; private set; }

    public IReadOnlyList<ParticipantDto> Participants { get; private set; } = [];

    public IReadOnlyList<ObjectiveDto> Objectives { get; private set; } = [];

    public IncidentReporting? Reporting { get; private set; }

    public IncidentBalanceDto? Balance { get; private set; }

    /// <summary>Resource requests with their answers and commitments, and offers made unasked.</summary>
    public IncidentRequests? Requests { get; private set; }

    /// <summary>Who owes what in this incident now (participants, coordinators, auditors).</summary>
    public ObligationTable? Obligations { get; private set; }

    /// <summary>Whether the reader's organisation is listed (taking part or asking to).</summary>
    public bool MyOrganisationListed =>
        Guid.TryParse(User.FindFirst(ClaimNames.OrganisationId)?.Value, out var mine) && Participants.Any(p => p.OrganisationId == mine);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Incident = await sender.Send(new GetIncidentQuery(id), ct);
        Lead = Incident.LeadOrganisationId is { } lead ? await sender.Send(new GetOrganisationQuery(lead), ct) : null;
        MinimumLeadLevel = gradedResponse.MinimumLeadLevel(Incident.Severity);
        Participants = await sender.Send(new ListParticipantsQuery(id), ct);
        Objectives = Incident.DetailShown ? await sender.Send(new ListObjectivesQuery(id), ct) : [];
        Reporting = Incident.DetailShown ? await sender.Send(new ListSituationReportsQuery(id), ct) : null;
        Balance = Incident.DetailShown && Incident.State.IsOpen() ? await sender.Send(new GetIncidentBalanceQuery(id), ct) : null;
        Requests = Incident.DetailShown ? await sender.Send(new ListIncidentRequestsQuery(id), ct) : null;
        if (Incident.DetailShown && Incident.State.IsOpen())
        {
            var obligations = await sender.Send(new ListIncidentObligationsQuery(id), ct);
            Obligations = new ObligationTable(obligations.Items, "Open obligations in this incident, most overdue first", "Nothing is owed: tasks are acknowledged, reports and objectives are up to date.", ShowIncident: false);
        }
        Timeline = Incident.DetailShown
            ? await sender.Send(new ListTimelineEventsQuery { Chain = id.ToString(), Limit = TimelineLength }, ct)
            : new TimelineEventPage([], null);
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
