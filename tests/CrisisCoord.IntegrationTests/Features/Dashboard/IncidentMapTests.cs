using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Dashboard;

/// <summary>
/// The dashboard map asks for the open incidents in its view and gets them clustered by the database on a grid fitted
/// to the zoom: every open incident in view counted once, none outside it, single markers when zoomed in.
/// </summary>
public sealed class IncidentMapTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Province = "west=113&south=29.5&east=115.5&north=31.5";

    [Fact]
    public async Task Clusters_count_each_open_incident_in_view_once_and_zoomed_in_they_are_single_markers()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var levee = await LogAsync(staff, "Levee breach at Dongshan", 30.5, 114.3, "II");
        var farms = await LogAsync(staff, "Farms flooded below the levee", 30.501, 114.301, "IV");
        await LogAsync(staff, "School roof collapsed in Xiba", 30.9, 114.9, "III");
        var dismissed = await LogAsync(staff, "Duplicate report of the levee", 30.5, 114.3, "I");
        await LogAsync(staff, "Far away, outside the view", 40, 120, "I");
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == dismissed)).TransitionTo(IncidentState.Dismissed, "duplicate", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var wide = await MapAsync(coordinator, $"{Province}&zoom=5");
        wide["incidents"]!.GetValue<int>().ShouldBe(3, "the dismissed report and the far one are not counted");
        var cluster = wide["clusters"]!.AsArray().Single()!;
        cluster["count"]!.GetValue<int>().ShouldBe(3, "at zoom 5 one 64-pixel square holds all three");
        cluster["severity"]!.GetValue<string>().ShouldBe("II", "the gravest grade among them");
        cluster["incident"].ShouldBeNull();
        cluster["bounds"]!["south"]!.GetValue<double>().ShouldBe(30.5);
        cluster["bounds"]!["north"]!.GetValue<double>().ShouldBe(30.9);
        cluster["bounds"]!["west"]!.GetValue<double>().ShouldBe(114.3);
        cluster["bounds"]!["east"]!.GetValue<double>().ShouldBe(114.9);
        cluster["latitude"]!.GetValue<double>().ShouldBe(Math.Round((30.5 + 30.501 + 30.9) / 3, 5));

        // At street level the two by the levee, 100 m apart, are two markers; the school is out of this view.
        var close = await MapAsync(coordinator, "west=114.299&south=30.499&east=114.302&north=30.502&zoom=18");
        close["incidents"]!.GetValue<int>().ShouldBe(2);
        var singles = close["clusters"]!.AsArray().Select(c => c!["incident"]!).ToList();
        singles.Select(s => s["id"]!.GetValue<Guid>()).ShouldBe([farms, levee], "the gravest is drawn last, on top");
        singles[1]["title"]!.GetValue<string>().ShouldBe("Levee breach at Dongshan");
        singles[1]["state"]!.GetValue<string>().ShouldBe("Reported");
        singles[1]["placeName"]!.GetValue<string>().ShouldBe("Dongshan Town, Qing River levee km 12");
        close["clusters"]!.AsArray().ShouldAllBe(c => c!["count"]!.GetValue<int>() == 1 && c["bounds"] == null);
        close["clusters"]![1]!["latitude"]!.GetValue<double>().ShouldBe(30.5);
        close["clusters"]![1]!["longitude"]!.GetValue<double>().ShouldBe(114.3);
    }

    [Fact]
    public async Task A_view_across_the_antimeridian_holds_both_sides_of_it()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        await LogAsync(staff, "Storm surge in Fiji", -17.5, 179.5, "II");
        await LogAsync(staff, "Storm surge in Samoa", -17.2, -179.5, "III");
        await LogAsync(staff, "Nothing to do with it", -17.3, 0, "I");
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var across = await MapAsync(coordinator, "west=179&south=-18&east=-179&north=-17&zoom=8");

        across["incidents"]!.GetValue<int>().ShouldBe(2);
        across["clusters"]!.AsArray().Select(c => c!["incident"]!["title"]!.GetValue<string>())
            .ShouldBe(["Storm surge in Samoa", "Storm surge in Fiji"], ignoreOrder: true);
        (await MapAsync(coordinator, "west=-180&south=-18&east=180&north=-17&zoom=1"))["incidents"]!.GetValue<int>().ShouldBe(3, "west -180, east 180 is the whole world");
    }

    [Fact]
    public async Task Everyone_counts_what_the_incident_list_shows_them_and_a_marker_carries_only_the_public_summary()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        await CrisisScale.OpenIncidentsAsync(App.Database, 40);
        var led = await LogAsync(staff, "Chemical leak at the Dongshan plant", 30.6, 114.1, "I");
        var outsider = await App.ClientAsAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var privateCitizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());

        foreach (var reader in new[] { staff, outsider, privateCitizen })
        {
            var listed = await OpenListedAsync(reader);
            var map = await MapAsync(reader, $"{Province}&zoom=7");
            map["clusters"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()).ShouldBe(map["incidents"]!.GetValue<int>());
            map["incidents"]!.GetValue<int>().ShouldBe(listed, "the map counts the open incidents the list shows the same reader");
        }

        var marker = (await MapAsync(outsider, "west=114.09&south=30.59&east=114.11&north=30.61&zoom=14"))["clusters"]!.AsArray().Single()!["incident"]!.AsObject();
        marker["id"]!.GetValue<Guid>().ShouldBe(led);
        marker.Select(p => p.Key).ShouldBe(["id", "title", "state", "placeName", "awaitingGrade"], "no description, reason or reporter: those are the incident's detail");
    }

    [Fact]
    public async Task A_report_not_graded_yet_is_marked_so_on_the_map_and_counted_apart_on_the_dashboard()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var body = IncidentData.ValidBody("Smoke from the old mill").With("latitude", 30.62).With("longitude", 114.12);
        body.Remove("severity");
        var ungraded = (await IncidentData.LogAsync(citizen, body))["id"]!.GetValue<Guid>();
        var graded = await LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), "Gas smell on Jiefang Road", 30.40, 113.80, "IV");
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var markers = (await MapAsync(coordinator, $"{Province}&zoom=10"))["clusters"]!.AsArray()
            .ToDictionary(c => c!["incident"]!["id"]!.GetValue<Guid>(), c => c!["incident"]!["awaitingGrade"]!.GetValue<bool>());
        markers[ungraded].ShouldBeTrue();
        markers[graded].ShouldBeFalse();

        var summary = (await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!["summary"]!;
        summary["awaitingGrade"]!.GetValue<int>().ShouldBe(1);
        summary["bySeverity"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "IV")!["count"]!.GetValue<int>()
            .ShouldBe(1, "a report waiting for its grade ranks as IV but is not counted as graded IV");
    }

    [Theory]
    [InlineData("", "west")]
    [InlineData("west=113&south=29.5&east=115.5&north=31.5", "zoom")]
    [InlineData("west=181&south=29.5&east=115.5&north=31.5&zoom=6", "west")]
    [InlineData("west=113&south=29.5&east=-180.5&north=31.5&zoom=6", "east")]
    [InlineData("west=113&south=-90.5&east=115.5&north=31.5&zoom=6", "south")]
    [InlineData("west=113&south=29.5&east=115.5&north=95&zoom=6", "north")]
    [InlineData("west=113&south=31.5&east=115.5&north=29.5&zoom=6", "north")]
    [InlineData("west=113&south=29.5&east=115.5&north=31.5&zoom=19", "zoom")]
    [InlineData("west=113&south=29.5&east=115.5&north=31.5&zoom=-1", "zoom")]
    [InlineData("west=abc&south=29.5&east=115.5&north=31.5&zoom=6", "west")]
    [InlineData("west=NaN&south=29.5&east=115.5&north=31.5&zoom=6", "west")]
    [InlineData("west=113&south=29.5&east=115.5&north=31.5&zoom=2.5", "zoom")]
    [InlineData("west=113&south=29.5&east=115.5&north=31.5&zoom=18", "zoom")]
    public async Task Refuses_a_view_it_cannot_read_naming_the_field(string query, string field)
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var response = await coordinator.GetAsync($"/api/v1/dashboard/map?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldContain(field);
        errors[field]!.AsArray().ShouldAllBe(message => message!.GetValue<string>().Length > 10);
    }

    [Fact]
    public async Task The_dashboard_page_reads_the_same_clusters_with_its_sign_in()
    {
        await CrisisScale.OpenIncidentsAsync(App.Database, 30);
        var coordinator = await App.CreateAsync(Roles.Coordinator);
        var page = await PageClient.SignedInAsync(App, coordinator);

        var response = await page.Http.GetAsync($"/?handler=Map&{Province}&zoom=8");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var fromPage = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var fromApi = await MapAsync(await App.ClientForAsync(coordinator), $"{Province}&zoom=8");
        fromPage.ToJsonString().ShouldBe(fromApi.ToJsonString());
        fromPage["incidents"]!.GetValue<int>().ShouldBe(30);

        (await page.Http.GetAsync($"/?handler=Map&{Province}&zoom=40")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await new PageClient(App).Http.GetAsync($"/?handler=Map&{Province}&zoom=8")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out: to the sign-in page");
    }

    private static async Task<Guid> LogAsync(HttpClient client, string title, double latitude, double longitude, string severity) =>
        (await IncidentData.LogAsync(client, IncidentData.ValidBody(title)
            .With("latitude", latitude).With("longitude", longitude).With("severity", severity)))["id"]!.GetValue<Guid>();

    private static async Task<JsonObject> MapAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/dashboard/map?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every incident the list gives this reader, page by page, that is open.</summary>
    private static async Task<int> OpenListedAsync(HttpClient client)
    {
        var open = 0;
        string? after = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/incidents?limit=100{(after is null ? "" : $"&after={after}")}"))!;
            open += page["items"]!.AsArray().Count(i => Enum.Parse<IncidentState>(i!["state"]!.GetValue<string>()).IsOpen());
            after = page["nextCursor"]?.GetValue<string>();
        }
        while (after is not null);
        return open;
    }
}
