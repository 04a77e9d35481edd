using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>
/// What an organisation owes (its subject and bound) and the balance warnings read in the reader's language, on the
/// pages and in the API, though the dashboard computes them once for readers of every language; English reads as before.
/// </summary>
public sealed class ObligationsInChineseTests(CrisisCoordApp app) : AppTest(app)
{
    private const string HostileTitle = "Evacuate the farms <img src=x onerror=alert(1)>";

    private const string EnglishSubject = $"Accept or decline the task \"{HostileTitle}\"";
    private const string ChineseSubject = $"接受或拒绝任务“{HostileTitle}”";
    private const string EnglishBound = "30 min in response, 4 h otherwise";
    private const string ChineseBound = "响应阶段 30 分钟，其他阶段 4 小时";
    private const string EnglishLimbo = "Limbo: no lead organisation is named.";
    private const string ChineseLimbo = "无人负责：尚未指定牵头单位。";

    /// <summary>An incident in response without a lead, and a task given to the NGO two hours ago that it has not accepted.</summary>
    private async Task<TaskScene> OverdueTaskAsync()
    {
        var scene = await TaskScene.CreateAsync(App);
        var response = await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/tasks", new JsonObject
        {
            ["title"] = HostileTitle,
            ["priority"] = "Urgent",
            ["assignedOrganisationId"] = scene.Ngo.OrganisationId,
        });
        response.EnsureSuccessStatusCode();
        return scene;
    }

    private static JsonObject Acknowledge(JsonNode list) =>
        list["items"]!.AsArray().Single(o => o!["obligation"]!.GetValue<string>() == "AcknowledgeTask")!.AsObject();

    [Fact]
    public async Task Two_readers_of_the_same_shared_dashboard_each_read_it_in_their_own_language()
    {
        var scene = await OverdueTaskAsync();
        var english = scene.CoordinatorClient;
        var chinese = await App.ClientForAsync(scene.Coordinator);
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        App.Clock.Advance(TimeSpan.FromHours(2));

        // A coordinator's dashboard is read from the shared reads: the same computation serves both, one after the other.
        foreach (var (client, subject, bound, limbo) in new[]
        {
            (english, EnglishSubject, EnglishBound, EnglishLimbo),
            (chinese, ChineseSubject, ChineseBound, ChineseLimbo),
            (english, EnglishSubject, EnglishBound, EnglishLimbo),
        })
        {
            var dashboard = (await client.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;
            dashboard["allOrganisations"]!.GetValue<bool>().ShouldBeTrue("a coordinator reads the shared lists");
            var overdue = Acknowledge(dashboard["overdueObligations"]!);
            overdue["subject"]!.GetValue<string>().ShouldBe(subject);
            overdue["bound"]!.GetValue<string>().ShouldBe(bound);
            var warnings = dashboard["balanceWarnings"]!["items"]!.AsArray().Single(w => w!["incidentId"]!.GetValue<Guid>() == scene.Incident)!;
            warnings["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain(limbo);
            warnings.AsObject().ContainsKey("warningPhrases").ShouldBeFalse("the phrases stay inside; the API gives their words");
            overdue.ContainsKey("subjectPhrase").ShouldBeFalse();
        }

        var own = Acknowledge((await chinese.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}/obligations"))!);
        own["subject"]!.GetValue<string>().ShouldBe(ChineseSubject);
        own["bound"]!.GetValue<string>().ShouldBe(ChineseBound);
        Acknowledge((await english.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}/obligations"))!)["subject"]!.GetValue<string>().ShouldBe(EnglishSubject);

        var balance = (await chinese.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}/balance"))!["report"]!;
        balance["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain(ChineseLimbo);
        balance["limbo"]!.GetValue<bool>().ShouldBeTrue();
        (await english.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}/balance"))!["report"]!["warnings"]!.AsArray()
            .Select(w => w!.GetValue<string>()).ShouldContain(EnglishLimbo);

        static string SitRepBound(JsonObject matrix) =>
            matrix["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "Obligation.SubmitSitRep")!["bound"]!.GetValue<string>();
        SitRepBound((await chinese.GetFromJsonAsync<JsonObject>("/api/v1/charters"))!).ShouldBe("每 12 小时一次（牵头单位：每 6 小时一次）");
        SitRepBound((await english.GetFromJsonAsync<JsonObject>("/api/v1/charters"))!).ShouldBe("every 12 h (lead: every 6 h)");
    }

    [Fact]
    public async Task The_dashboard_incident_and_charter_pages_show_obligations_and_warnings_in_chinese_and_keep_a_hostile_title_as_text()
    {
        var scene = await OverdueTaskAsync();
        App.Clock.Advance(TimeSpan.FromHours(2));
        // Signed in after the clock moved on, so the sessions have not idled out.
        var chinese = await PageClient.SignedInAsync(App, scene.Coordinator);
        chinese.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var english = await PageClient.SignedInAsync(App, scene.Coordinator);

        var (_, dashboard) = await chinese.GetAsync("/");
        var (_, englishDashboard) = await english.GetAsync("/");
        var owed = Owed(dashboard);
        owed.ShouldContain(ChineseSubject);
        owed.ShouldContain($"接受或拒绝任务：{ChineseBound}");
        dashboard.QuerySelector("main table.obligations img").ShouldBeNull();
        dashboard.QuerySelectorAll("ul.warnings li").Select(li => li.TextContent).ShouldContain(li => li.EndsWith("：" + ChineseLimbo, StringComparison.Ordinal));
        Owed(englishDashboard).ShouldContain($"{EnglishSubject} · Accept or decline tasks: {EnglishBound}");
        englishDashboard.QuerySelectorAll("ul.warnings li").Select(li => li.TextContent).ShouldContain(li => li.EndsWith(": " + EnglishLimbo, StringComparison.Ordinal));

        var (_, incident) = await chinese.GetAsync($"/Incidents/{scene.Incident}");
        Owed(incident).ShouldContain(ChineseSubject);
        incident.QuerySelectorAll("p.escalation").Select(p => p.TextContent).ShouldContain(ChineseLimbo);
        var (_, englishIncident) = await english.GetAsync($"/Incidents/{scene.Incident}");
        englishIncident.QuerySelectorAll("p.escalation").Select(p => p.TextContent).ShouldContain(EnglishLimbo);

        var (_, charters) = await chinese.GetAsync("/Charters");
        charters.QuerySelectorAll(".hint").Select(h => h.TextContent).ShouldContain("时限：每 12 小时一次（牵头单位：每 6 小时一次）");
        var (_, organisation) = await chinese.GetAsync($"/Organisations/{scene.Ngo.OrganisationId}");
        organisation.QuerySelectorAll(".hint").Select(h => h.TextContent).ShouldContain($"时限：{ChineseBound}");
    }

    private static string Owed(IDocument page) =>
        string.Join("\n", page.QuerySelectorAll("main table.obligations td").Select(td => string.Join(" ", td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
}
