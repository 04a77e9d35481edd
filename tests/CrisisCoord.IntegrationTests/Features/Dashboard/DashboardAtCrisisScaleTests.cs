using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Features.Dashboard;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Dashboard;

/// <summary>
/// Issue 14's target: with 2,000 open incidents the dashboard's JSON stays within 100 KB (it was 2 MB, every incident
/// a marker), and so does the map's answer for a screen-sized view at any zoom.
/// </summary>
public sealed class DashboardAtCrisisScaleTests(CrisisCoordApp app) : AppTest(app)
{
    private const int MaxBytes = 100_000;

    [Fact]
    public async Task At_two_thousand_open_incidents_the_dashboard_and_the_map_answer_within_100_KB()
    {
        await CrisisScale.OpenIncidentsAsync(App.Database, 2000);
        var actor = await App.CreateAsync(Roles.Coordinator);
        await CrisisScale.WorkForAsync(App.Database, actor.OrganisationId, 200);
        var coordinator = await App.ClientForAsync(actor);

        var (size, dashboard) = await GetAsync(coordinator, "/api/v1/dashboard");

        size.ShouldBeLessThanOrEqualTo(MaxBytes);
        dashboard["summary"]!["openIncidents"]!.GetValue<int>().ShouldBe(2000);
        // Every list full: this is the most a first view weighs.
        dashboard["openIncidents"]!["items"]!.AsArray().Count.ShouldBe(GetDashboardQueryHandler.IncidentsShown);
        dashboard["escalations"]!["items"]!.AsArray().Count.ShouldBe(GetDashboardQueryHandler.EscalationsShown);
        dashboard["overdueObligations"]!["items"]!.AsArray().Count.ShouldBe(GetDashboardQueryHandler.ObligationsShown);
        dashboard["balanceWarnings"]!["items"]!.AsArray().Count.ShouldBe(GetDashboardQueryHandler.WarningsShown);
        dashboard["myTasks"]!.AsArray().Count.ShouldBe(GetDashboardQueryHandler.TasksShown);

        // The map's first view frames the extent; each view, zoomed out or in, is one screen's worth of clusters.
        var extent = dashboard["summary"]!["extent"]!;
        var (wholeSize, whole) = await GetAsync(coordinator, string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/dashboard/map?west={extent["west"]}&south={extent["south"]}&east={extent["east"]}&north={extent["north"]}&zoom=8"));
        wholeSize.ShouldBeLessThanOrEqualTo(MaxBytes);
        whole["incidents"]!.GetValue<int>().ShouldBe(2000);
        whole["clusters"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()).ShouldBe(2000);

        // 1,280 × 720 pixels at zoom 11 in the middle of the province: a couple of hundred incidents, most of them alone.
        var (closeSize, close) = await GetAsync(coordinator, "/api/v1/dashboard/map?west=113.81&south=30.18&east=114.69&north=30.82&zoom=11");
        closeSize.ShouldBeLessThanOrEqualTo(MaxBytes);
        close["clusters"]!.AsArray().Count(c => c!["incident"] is not null).ShouldBeGreaterThan(100, "the view holds many single markers");
    }

    private static async Task<(int Size, JsonNode Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        return (body.Length, JsonNode.Parse(body)!);
    }
}
