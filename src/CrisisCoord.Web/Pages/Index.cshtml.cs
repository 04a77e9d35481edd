using CrisisCoord.Application.Features.Dashboard;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CrisisCoord.Web.Pages;

/// <summary>
/// The home page: what is open and what needs doing, computed from the data now, a page of each list at a time. Its
/// map reads the clusters of the view it shows from <see cref="OnGetMapAsync"/> (ADR 0028).
/// </summary>
public sealed class IndexModel(ISender sender, IOptions<MapOptions> map, IOptions<HttpJsonOptions> json) : PageModel
{
    public DashboardDto Dashboard { get; private set; } = null!;

    /// <summary>Where the open incidents list starts: the <c>nextCursor</c> of the page before, or none for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "incidents")]
    public string? IncidentsAfter { get; set; }

    [BindProperty(SupportsGet = true, Name = "escalations")]
    public string? EscalationsAfter { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public string? OverdueAfter { get; set; }

    [BindProperty(SupportsGet = true, Name = "warnings")]
    public string? WarningsAfter { get; set; }

    public ObligationTable Overdue => new(
        Dashboard.OverdueObligations.Items,
        Texts.Get(Dashboard.AllOrganisations ? "Dashboard.Overdue.EveryCaption" : "Dashboard.Overdue.MineCaption"),
        Texts.Get("Dashboard.Overdue.Empty"));

    public ObligationTable Upcoming => new(Dashboard.UpcomingObligations, Texts.Get("Dashboard.Upcoming.Caption"), Texts.Get("Dashboard.Upcoming.Empty"));

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await sender.Send(
        new GetDashboardQuery
        {
            IncidentsAfter = IncidentsAfter,
            EscalationsAfter = EscalationsAfter,
            OverdueAfter = OverdueAfter,
            WarningsAfter = WarningsAfter,
        },
        ct);

    /// <summary>
    /// The map's clusters for the view it shows, as the API's <c>GET /api/v1/dashboard/map</c> answers them: the
    /// same query, read here with the page's sign-in (the API takes tokens only, ADR 0006).
    /// </summary>
    public async Task<IActionResult> OnGetMapAsync(double? west, double? south, double? east, double? north, int? zoom, CancellationToken ct) =>
        new JsonResult(
            await sender.Send(new GetIncidentMapQuery { West = west, South = south, East = east, North = north, Zoom = zoom }, ct),
            json.Value.SerializerOptions);

    /// <summary>What the map script needs to start: the tiles, where the open incidents lie, and where to ask for clusters.</summary>
    public object MapSettings => new
    {
        tileUrl = map.Value.TileUrl,
        attribution = map.Value.TileAttribution,
        extent = Dashboard.Summary.Extent,
        clusters = Url.Page("/Index", "Map"),
        maxZoom = GetIncidentMapQuery.MaxZoom,
        // The words for grades and states, so the script shows what the pages show.
        severities = Enum.GetValues<Severity>().ToDictionary(s => s.ToString(), Display.SeverityText),
        states = IncidentStateMachine.OpenStates.ToDictionary(s => s.ToString(), Display.State),
        notGraded = Display.NotGraded,
    };

    /// <summary>The links under one of the lists: its first page, and the next one from the page shown; <paramref name="texts"/> is the key prefix of its label and noun.</summary>
    public ListPager Pager<T>(string list, string texts, DashboardPage<T> page) => new(
        Texts.Get(texts + ".Pages"),
        page.Items.Count,
        page.Total,
        Texts.Get(texts + ".Noun"),
        Cursors()[list] is null ? null : ListLink(list, null),
        page.NextCursor is { } next ? ListLink(list, next) : null);

    /// <summary>Each list's place, as its query-string key and cursor.</summary>
    private Dictionary<string, object?> Cursors() => new()
    {
        ["incidents"] = IncidentsAfter,
        ["escalations"] = EscalationsAfter,
        ["overdue"] = OverdueAfter,
        ["warnings"] = WarningsAfter,
    };

    /// <summary>This page with one list moved to <paramref name="cursor"/> (its first page when null), the others left where they are.</summary>
    private string ListLink(string list, string? cursor)
    {
        var cursors = Cursors();
        cursors[list] = cursor;
        return Url.Page("/Index", cursors) + "#" + Anchors[list];
    }

    /// <summary>Each list's heading, so the next page opens where the reader was.</summary>
    private static readonly Dictionary<string, string> Anchors = new()
    {
        ["incidents"] = "open-incidents",
        ["escalations"] = "escalations",
        ["overdue"] = "overdue",
        ["warnings"] = "balance",
    };
}
