using CrisisCoord.Application.Features.Dashboard;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages;

/// <summary>The home page: the state of every open incident and what needs doing, computed from the data now.</summary>
public sealed class IndexModel(ISender sender, IOptions<MapOptions> map) : PageModel
{
    public DashboardDto Dashboard { get; private set; } = null!;

    public ObligationTable Overdue => new(
        Dashboard.OverdueObligations,
        Dashboard.AllOrganisations ? "Every organisation's overdue obligations, most overdue first" : "Your organisation's overdue obligations, most overdue first",
        "Nothing is overdue.");

    public ObligationTable Upcoming => new(Dashboard.UpcomingObligations, "Your organisation's open obligations, by due time", "Nothing else is due.");

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await sender.Send(new GetDashboardQuery(), ct);

    /// <summary>What the map script draws: one marker per open incident.</summary>
    public object MapData => new
    {
        tileUrl = map.Value.TileUrl,
        attribution = map.Value.TileAttribution,
        incidents = Dashboard.OpenIncidents.Select(i => new
        {
            id = i.Id,
            title = i.Title,
            severity = i.Grade?.ToString() ?? "",
            severityText = i.Grade is { } grade ? Display.SeverityText(grade) : Display.NotGraded,
            state = Display.State(i.State),
            place = i.PlaceName,
            lat = i.Latitude,
            lon = i.Longitude,
            escalation = i.EscalationRequired,
        }),
    };
}
