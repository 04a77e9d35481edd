using CrisisCoord.Application.Features.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages;

/// <summary>The home page: the state of every open incident and what needs doing, computed from the data now.</summary>
public sealed class IndexModel(ISender sender, IConfiguration configuration) : PageModel
{
    /// <summary>The default background: OpenStreetMap's tiles. Set <c>Map:TileUrl</c> to your own server, or empty for none.</summary>
    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public DashboardDto Dashboard { get; private set; } = null!;

    public string TileUrl => configuration["Map:TileUrl"] ?? DefaultTileUrl;

    public string TileAttribution => configuration["Map:TileAttribution"] ?? "© OpenStreetMap contributors";

    public ObligationTable Overdue => new(
        Dashboard.OverdueObligations,
        Dashboard.AllOrganisations ? "Every organisation's overdue obligations, most overdue first" : "Your organisation's overdue obligations, most overdue first",
        "Nothing is overdue.");

    public ObligationTable Upcoming => new(Dashboard.UpcomingObligations, "Your organisation's open obligations, by due time", "Nothing else is due.");

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await sender.Send(new GetDashboardQuery(), ct);

    /// <summary>What the map script draws: one marker per open incident.</summary>
    public object MapData => new
    {
        tileUrl = TileUrl,
        attribution = TileAttribution,
        incidents = Dashboard.OpenIncidents.Select(i => new
        {
            id = i.Id,
            title = i.Title,
            severity = i.Severity.ToString(),
            severityText = Display.SeverityText(i.Severity),
            state = Display.State(i.State),
            place = i.PlaceName,
            lat = i.Latitude,
            lon = i.Longitude,
            escalation = i.EscalationRequired,
        }),
    };
}
