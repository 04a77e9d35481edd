using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public const int TimelineLength = 20;

    public IncidentDto Incident { get; private set; } = null!;

    /// <summary>The incident's own chain, newest first: what participants did and when.</summary>
    public TimelineEventPage Timeline { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Incident = await sender.Send(new GetIncidentQuery(id), ct);
        Timeline = await sender.Send(new ListTimelineEventsQuery { Chain = id.ToString(), Limit = TimelineLength }, ct);
    }
}
