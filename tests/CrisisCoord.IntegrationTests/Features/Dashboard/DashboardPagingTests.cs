using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Dashboard;

/// <summary>
/// The dashboard's lists come a page at a time, by keyset: gravest first, every row once however the pages are
/// walked, with next-page links that are plain links on the page; the numbers above them are the whole counts.
/// </summary>
public sealed class DashboardPagingTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Open_incidents_come_gravest_first_a_page_at_a_time_and_the_pages_hold_each_once()
    {
        await CrisisScale.OpenIncidentsAsync(App.Database, 120);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var first = await DashboardAsync(coordinator, "");
        first["summary"]!["openIncidents"]!.GetValue<int>().ShouldBe(120);
        first["summary"]!["escalations"]!.GetValue<int>().ShouldBe(12);
        first["openIncidents"]!["total"]!.GetValue<int>().ShouldBe(120);
        await using (var db = App.Database.CreateContext())
        {
            var bySeverity = await db.Incidents.GroupBy(i => i.Severity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count);
            foreach (var count in first["summary"]!["bySeverity"]!.AsArray())
            {
                count!["count"]!.GetValue<int>().ShouldBe(bySeverity.GetValueOrDefault(count["name"]!.GetValue<string>()), "counted by the database");
            }
        }

        // A grade I report logged after the first page was read does not shift or repeat what follows.
        await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody("Dam failing above Xiba").With("severity", "I"));
        var rows = await AllPagesAsync(coordinator, first, "openIncidents", "incidentsAfter");

        rows.Count.ShouldBe(120);
        rows.Select(r => r["id"]!.GetValue<Guid>()).Distinct().Count().ShouldBe(120);
        var grades = rows.Select(r => Enum.Parse<Severity>(r["severity"]!.GetValue<string>())).ToList();
        grades.ShouldBe(grades.Order().ToList(), "gravest first");
        foreach (var grade in rows.GroupBy(r => r["severity"]!.GetValue<string>()))
        {
            var times = grade.Select(r => r["reportedAt"]!.GetValue<DateTimeOffset>()).ToList();
            times.ShouldBe(times.OrderDescending().ToList(), $"newest first within grade {grade.Key}");
        }

        await using var database = App.Database.CreateContext();
        var open = await database.Incidents.Where(i => i.Title.StartsWith(CrisisScale.Title)).Select(i => i.Id).ToListAsync();
        rows.Select(r => r["id"]!.GetValue<Guid>()).ShouldBe(open, ignoreOrder: true);
    }

    [Fact]
    public async Task Escalations_overdue_obligations_and_balance_warnings_page_the_same_way()
    {
        await CrisisScale.OpenIncidentsAsync(App.Database, 120);
        var actor = await App.CreateAsync(Roles.Coordinator);
        await CrisisScale.WorkForAsync(App.Database, actor.OrganisationId, 30);
        var coordinator = await App.ClientForAsync(actor);

        var first = await DashboardAsync(coordinator, "");

        var escalations = await AllPagesAsync(coordinator, first, "escalations", "escalationsAfter");
        escalations.Count.ShouldBe(12);
        escalations.ShouldAllBe(e => e["escalationRequired"]!.GetValue<bool>());
        escalations.Select(e => e["id"]!.GetValue<Guid>()).Distinct().Count().ShouldBe(12);
        first["escalations"]!["items"]!.AsArray().Count.ShouldBe(10);
        first["escalations"]!["items"]!.AsArray().ShouldContain(
            e => e!["capabilities"]!["allowed"]!.AsArray().Any(a => a!.GetValue<string>() == "SetLead"), "the page offers to hand over the lead from them");

        var overdue = await AllPagesAsync(coordinator, first, "overdueObligations", "overdueAfter");
        overdue.Count.ShouldBe(30);
        first["summary"]!["overdueObligations"]!.GetValue<int>().ShouldBe(30);
        overdue.Select(o => o["subjectId"]!.GetValue<Guid>()).Distinct().Count().ShouldBe(30);
        var due = overdue.Select(o => o["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        due.ShouldBe(due.Order().ToList(), "most overdue first");

        // Unled incidents past the report stage each warn of limbo; the coordinator sees every one's detail.
        var warned = await AllPagesAsync(coordinator, first, "balanceWarnings", "warningsAfter");
        warned.Count.ShouldBe(90);
        warned.Select(w => w["incidentId"]!.GetValue<Guid>()).Distinct().Count().ShouldBe(90);
        first["summary"]!["balanceWarnings"]!.GetValue<int>().ShouldBe(warned.Sum(w => w["warnings"]!.AsArray().Count));
        first["summary"]!["myTasks"]!.GetValue<int>().ShouldBe(30);
        first["myTasks"]!.AsArray().Count.ShouldBe(20, "the first twenty; the tasks page has the rest");
    }

    [Theory]
    [InlineData("incidentsAfter")]
    [InlineData("escalationsAfter")]
    [InlineData("overdueAfter")]
    [InlineData("warningsAfter")]
    public async Task A_cursor_that_is_not_one_is_refused_naming_its_list(string field)
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var response = await coordinator.GetAsync($"/api/v1/dashboard?{field}=not-a-cursor");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe([field]);
        errors[field]![0]!.GetValue<string>().ShouldContain("nextCursor");
    }

    [Fact]
    public async Task The_page_moves_through_a_list_with_plain_links_and_keeps_the_other_lists_where_they_are()
    {
        await CrisisScale.OpenIncidentsAsync(App.Database, 60);
        var page = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        var (_, home) = await page.GetAsync("/");
        home.QuerySelector(".tiles")!.TextContent.ShouldContain("60 open incidents");
        var firstTitles = Titles(home);
        firstTitles.Count.ShouldBe(25);
        var pager = home.QuerySelector("nav[aria-label='Pages of open incidents']")!;
        pager.TextContent.ShouldContain("25 of 60 open incidents");
        pager.QuerySelector("a[rel=next]")!.TextContent.ShouldBe("Next open incidents »");
        var escalationsNext = home.QuerySelector("nav[aria-label='Pages of escalations']");
        escalationsNext.ShouldBeNull("six escalations fit on one page");

        var (response, second) = await page.GetAsync(pager.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var secondTitles = Titles(second);
        secondTitles.Count.ShouldBe(25);
        secondTitles.Intersect(firstTitles).ShouldBeEmpty();
        var back = second.QuerySelector("nav[aria-label='Pages of open incidents'] a:not([rel])")!;
        back.TextContent.ShouldBe("« First page");
        back.GetAttribute("href")!.ShouldEndWith("#open-incidents");

        var (_, third) = await page.GetAsync(second.QuerySelector("nav[aria-label='Pages of open incidents'] a[rel=next]")!.GetAttribute("href")!);
        Titles(third).Count.ShouldBe(10);
        third.QuerySelector("nav[aria-label='Pages of open incidents'] a[rel=next]").ShouldBeNull("the last page");
        Titles(second).Concat(firstTitles).Concat(Titles(third)).Distinct().Count().ShouldBe(60);
    }

    private static List<string> Titles(IDocument page) =>
        [.. page.QuerySelectorAll("section[aria-labelledby=open-incidents] a.incident-title").Select(a => a.TextContent)];

    private static async Task<JsonObject> DashboardAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/dashboard{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every row of one list, following its cursor from the first page to the last.</summary>
    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, JsonObject first, string list, string parameter)
    {
        var rows = new List<JsonNode>();
        var page = first[list]!;
        while (true)
        {
            rows.AddRange(page["items"]!.AsArray().Select(r => r!.DeepClone()));
            if (page["nextCursor"]?.GetValue<string>() is not { } next)
            {
                return rows;
            }

            page = (await DashboardAsync(client, $"?{parameter}={Uri.EscapeDataString(next)}"))[list]!;
        }
    }
}
