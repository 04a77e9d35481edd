using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

public sealed class ListIncidentsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Lists_newest_first_with_camel_case_and_enum_names()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(client, IncidentData.ValidBody("First"));
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Second"));
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Third"));

        var page = await GetPageAsync(client, "/api/v1/incidents");

        Titles(page).ShouldBe(["Third", "Second", "First"]);
        page["nextCursor"].ShouldBeNull();
        page["items"]!.AsArray()[0]!["severity"]!.GetValue<string>().ShouldBe("II");
    }

    [Fact]
    public async Task Pages_with_limit_and_cursor_return_every_incident_exactly_once()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        for (var i = 1; i <= 7; i++)
        {
            await IncidentData.LogAsync(client, IncidentData.ValidBody($"Incident {i}"));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetPageAsync(client, $"/api/v1/incidents?limit=3{(cursor is null ? "" : $"&after={cursor}")}");
            seen.AddRange(Titles(page));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        seen.ShouldBe(Enumerable.Range(1, 7).Reverse().Select(i => $"Incident {i}").ToList());
    }

    [Fact]
    public async Task Incidents_logged_at_the_same_instant_are_paged_by_id_without_loss_or_repeat()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        App.Clock.Freeze(new DateTimeOffset(2026, 11, 23, 4, 12, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await IncidentData.LogAsync(client, IncidentData.ValidBody($"Same instant {i}")))["id"]!.GetValue<string>());
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetPageAsync(client, $"/api/v1/incidents?limit=1{(cursor is null ? "" : $"&after={cursor}")}");
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && seen.Count < 10);

        // Same time, so the id decides: PostgreSQL orders uuids as their text sorts.
        seen.ShouldBe(ids.OrderByDescending(id => id, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Paging_is_stable_when_incidents_are_logged_between_pages()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        for (var i = 1; i <= 4; i++)
        {
            await IncidentData.LogAsync(client, IncidentData.ValidBody($"Old {i}"));
        }

        var first = await GetPageAsync(client, "/api/v1/incidents?limit=2");
        await IncidentData.LogAsync(client, IncidentData.ValidBody("New while paging"));
        var second = await GetPageAsync(client, $"/api/v1/incidents?limit=2&after={first["nextCursor"]}");

        Titles(first).ShouldBe(["Old 4", "Old 3"]);
        Titles(second).ShouldBe(["Old 2", "Old 1"]);
        second["nextCursor"].ShouldBeNull();
    }

    [Fact]
    public async Task Filters_by_category_severity_and_state()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Flood").With("severity", "III"));
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Outbreak").With("category", "PublicHealth"));
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Riot").With("category", "SocialSecurity").With("severity", "III"));

        Titles(await GetPageAsync(client, "/api/v1/incidents?category=PublicHealth")).ShouldBe(["Outbreak"]);
        Titles(await GetPageAsync(client, "/api/v1/incidents?severity=III")).ShouldBe(["Riot", "Flood"]);
        Titles(await GetPageAsync(client, "/api/v1/incidents?category=socialsecurity&severity=III")).ShouldBe(["Riot"]);
        Titles(await GetPageAsync(client, "/api/v1/incidents?state=Reported")).Count.ShouldBe(3);
        Titles(await GetPageAsync(client, "/api/v1/incidents?state=Response")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10000", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("after=garbage", "after")]
    [InlineData("after=Z2FyYmFnZTpub3QtYS1ndWlk", "after")]
    [InlineData("category=Flood", "category")]
    [InlineData("category=7", "category")]
    [InlineData("severity=V", "severity")]
    [InlineData("state=Open", "state")]
    public async Task Invalid_query_parameter_is_400_naming_it(string query, string errorKey)
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.GetAsync($"/api/v1/incidents?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.ContainsKey(errorKey).ShouldBeTrue($"errors were: {errors.ToJsonString()}");
    }

    [Fact]
    public async Task Non_numeric_limit_is_400_problem_details()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.GetAsync("/api/v1/incidents?limit=ten");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors["limit"]!.AsArray()[0]!.GetValue<string>().ShouldBe("'ten' is not a whole number.");
    }

    private static async Task<JsonObject> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Titles(JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToList();
}
