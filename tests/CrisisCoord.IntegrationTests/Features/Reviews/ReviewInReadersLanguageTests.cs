using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Reviews;

/// <summary>
/// The review's "What happened" in the reader's language: the sentences are phrases whose English is what the lead
/// signs, so a Chinese reader reads Chinese, an English reader the exact English, and the signature matches for both.
/// </summary>
public sealed class ReviewInReadersLanguageTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> 堤坝";

    private static HttpRequestMessage Read(Guid incident, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/{incident}/review");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    private static async Task<JsonObject> ReadAsync(HttpClient client, Guid incident, string language)
    {
        using var request = Read(incident, language);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Sentences(JsonObject review) =>
        [.. review["content"]!["timeline"]!.AsArray().Select(s => s!["text"]!.GetValue<string>())];

    [Fact]
    public async Task The_signed_review_reads_in_chinese_or_in_its_exact_english_and_matches_its_signature_in_both()
    {
        var scene = await ReviewScene.CreateAsync(App, close: false);
        await RequestScene.OkAsync(await scene.LeadClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/tasks",
            new { title = Hostile, assignedOrganisationId = scene.Ngo.OrganisationId }));
        await scene.CloseAsync();
        string lead, ngo;
        await using (var db = App.Database.CreateContext())
        {
            lead = await db.Organisations.Where(o => o.Id == scene.Lead.OrganisationId).Select(o => o.Name).SingleAsync();
            ngo = await db.Organisations.Where(o => o.Id == scene.Ngo.OrganisationId).Select(o => o.Name).SingleAsync();
        }

        // Signed by a lead reading Chinese: what is hashed is the English record, whoever signs.
        using var sign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/incidents/{scene.Incident}/review/signature") { Content = JsonContent.Create(new { }) };
        sign.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var signed = await scene.LeadClient.SendAsync(sign);
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var hash = (await signed.Content.ReadFromJsonAsync<JsonObject>())!["contentHash"]!.GetValue<string>();
        await using (var db = App.Database.CreateContext())
        {
            var through = (await db.ReviewSignatures.SingleAsync(s => s.IncidentId == scene.Incident)).ThroughSequence;
            ReviewDrafter.HashOf(await ReviewDrafter.DraftAsync(db, scene.Incident, through, CancellationToken.None)).ShouldBe(hash);
        }

        var english = await ReadAsync(scene.LeadClient, scene.Incident, "en");
        var chinese = await ReadAsync(scene.LeadClient, scene.Incident, "zh-CN");
        foreach (var review in new[] { english, chinese })
        {
            review["signature"]!["contentHash"]!.GetValue<string>().ShouldBe(hash);
            review["signature"]!["stillMatches"]!.GetValue<bool>().ShouldBeTrue();
            review["content"]!["keyTimes"]!.AsArray().Select(t => t!["milestone"]!.GetValue<string>()).ShouldContain(ReviewDrafter.LeadSet, "milestones stay codes in the API");
        }

        var inEnglish = Sentences(english);
        inEnglish.ShouldContain($"{lead} verified the incident and graded it II, moving it into the Response phase: Confirmed on site.");
        inEnglish.ShouldContain($"{lead} created the task “{Hostile}” for {ngo}.");
        inEnglish.ShouldContain($"{ngo} reported committed resources en route.");
        inEnglish.ShouldContain($"{lead} closed the incident: Levee repaired.");

        var inChinese = Sentences(chinese);
        inChinese.Count.ShouldBe(inEnglish.Count);
        inChinese.ShouldContain($"{lead}核实了该事件并定为II级，进入响应阶段：Confirmed on site。");
        inChinese.ShouldContain($"{lead}创建了任务“{Hostile}”，交由{ngo}承担。");
        inChinese.ShouldContain($"{ngo}报告承诺调拨的资源正在途中。");
        inChinese.ShouldContain($"{lead}结束了该事件：Levee repaired。");
        inChinese.ShouldAllBe(s => !inEnglish.Contains(s));

        // The pages: the same sentences, what was typed still text; a Chinese reader is told what the signature covers.
        var pages = await PageClient.SignedInAsync(App, scene.Lead);
        var (_, englishPage) = await pages.GetAsync($"/Incidents/{scene.Incident}/Review");
        englishPage.QuerySelectorAll(".review-timeline li").Select(li => li.TextContent).ShouldContain(t => t.EndsWith($" {lead} created the task “{Hostile}” for {ngo}.", StringComparison.Ordinal));
        englishPage.QuerySelector("main")!.TextContent.ShouldNotContain("not its wording");

        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var (response, chinesePage) = await pages.GetAsync($"/Incidents/{scene.Incident}/Review");
        var html = await response.Content.ReadAsStringAsync();
        chinesePage.QuerySelectorAll(".review-timeline li").Select(li => li.TextContent).ShouldContain(t => t.EndsWith($" {lead}创建了任务“{Hostile}”，交由{ngo}承担。", StringComparison.Ordinal));
        chinesePage.QuerySelector(".review-timeline + p.muted")!.TextContent.ShouldBe("签署确认的是记录本身，而非此处译文的措辞。");
        chinesePage.QuerySelectorAll("main img").ShouldBeEmpty();
        chinesePage.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert", StringComparison.Ordinal));
        html.ShouldNotContain("<script>alert(1)");
    }

    [Fact]
    public async Task The_audit_timeline_names_the_system_in_the_readers_language()
    {
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        async Task<List<string>> ActorsAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/events?chain=registry&action=EnsureReferenceData");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var page = await (await auditor.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>();
            return [.. page!["items"]!.AsArray().Select(e => e!["actorName"]!.GetValue<string>())];
        }

        var english = await ActorsAsync("en");
        english.ShouldNotBeEmpty();
        english.ShouldAllBe(a => a == "CrisisCoord (system)");
        (await ActorsAsync("zh-CN")).ShouldAllBe(a => a == "CrisisCoord（系统）");

        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Auditor));
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var (_, audit) = await pages.GetAsync("/Audit?chain=registry&action=EnsureReferenceData");
        var who = audit.QuerySelectorAll(".timeline-who").Select(w => w.TextContent.Trim()).ToList();
        who.ShouldNotBeEmpty();
        who.ShouldAllBe(w => w == "CrisisCoord（系统）");
        audit.QuerySelectorAll(".timeline-chain a").Select(a => a.TextContent).ShouldAllBe(t => t == "登记册：组织、人员、职责章程、资源");
    }
}
