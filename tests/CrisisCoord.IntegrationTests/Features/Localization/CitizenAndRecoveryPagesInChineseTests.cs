using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Features.Reviews;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>
/// The recovery pages, the damage assessment form, the after-action review, "my check-ins" and "my tasks" read in
/// Chinese for a reader whose browser asks for it; what people typed is still shown as text.
/// </summary>
public sealed class CitizenAndRecoveryPagesInChineseTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> 堤坝";

    private static async Task<PageClient> InChineseAsync(CrisisCoordApp app, Actor actor)
    {
        var pages = await PageClient.SignedInAsync(app, actor);
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        return pages;
    }

    private static async Task<IDocument> OpenAsync(PageClient pages, string url)
    {
        var (response, page) = await pages.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        return page;
    }

    /// <summary>The page's own content (not the top bar, which another test covers), with none of the English it used to say.</summary>
    private static string Content(IDocument page, params string[] english)
    {
        var text = page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;
        var attributes = string.Join(" ", page.QuerySelectorAll("main [aria-label], main [placeholder], main [title]")
            .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("title") }));
        foreach (var word in english)
        {
            foreach (var said in new[] { text, attributes })
            {
                var at = said.IndexOf(word, StringComparison.Ordinal);
                at.ShouldBe(-1, $"'{word}' is still there: …{(at < 0 ? "" : said.Substring(Math.Max(0, at - 60), Math.Min(120, said.Length - Math.Max(0, at - 60))))}…");
            }
        }

        return text;
    }

    [Fact]
    public async Task The_recovery_pages_the_assessment_form_and_the_review_read_in_chinese_and_keep_typed_text_encoded()
    {
        var scene = await ReviewScene.CreateAsync(App, close: false);
        (await scene.LessonAsync(scene.LeadClient, Hostile)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var lead = await InChineseAsync(App, scene.Lead);

        var recovery = await OpenAsync(lead, $"/Incidents/{scene.Incident}/Recovery");
        recovery.QuerySelector("h1")!.TextContent.ShouldBe("恢复重建工作");
        recovery.QuerySelector("#objectives-heading")!.TextContent.ShouldBe("恢复阶段目标");
        recovery.QuerySelector(".empty")!.TextContent.ShouldBe("尚未设定恢复阶段目标。");
        recovery.Title!.ShouldStartWith("恢复重建工作：");
        Content(recovery, "Recovery work", "Recovery objectives", "Projects", "No recovery", "Shelters and relief", "Start a recovery project");

        var form = await OpenAsync(lead, $"/Incidents/{scene.Incident}/Assess");
        form.QuerySelector("h1")!.TextContent.ShouldBe("评估灾损与需求");
        form.QuerySelector("label[for=Input_PlaceName]")!.TextContent.ShouldBe("地点");
        form.QuerySelector("label[for=Input_BuildingsDestroyed]")!.TextContent.ShouldBe("房屋倒塌");
        form.QuerySelector<IHtmlInputElement>("#Input_PlaceName")!.Placeholder.ShouldBe("街道、城区、村庄");
        form.QuerySelectorAll("#Input_Power option").Select(o => o.TextContent).ShouldBe(["请选择…", "正常", "受损", "中断"]);
        form.QuerySelectorAll("#Input_Power option").Select(o => o.GetAttribute("value")).ShouldBe(["", "Working", "Degraded", "Out"]);
        Content(form, "Assess damage", "Buildings", "People ", "Lifelines", "Needs", "Resource type", "How many", "Notes", "Record the assessment",
            "Street, district", "Choose", "Cancel", "Place", "Latitude", "Longitude");

        var (refused, again) = await lead.SubmitAsync($"/Incidents/{scene.Incident}/Assess", new Dictionary<string, string>
        {
            ["Input.PlaceName"] = Hostile,
            ["Input.Latitude"] = "30.52",
            ["Input.Longitude"] = "114.30",
            ["Input.BuildingsDestroyed"] = "-1",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.QuerySelector(".validation-summary strong")!.TextContent.ShouldBe("评估未记录。");
        again.QuerySelector<IHtmlInputElement>("#Input_PlaceName")!.Value.ShouldBe(Hostile);
        again.QuerySelectorAll("main img").ShouldBeEmpty();

        var review = await OpenAsync(lead, $"/Incidents/{scene.Incident}/Review");
        review.QuerySelector("h1")!.TextContent.ShouldBe("事后评估：Levee breach at Dongshan");
        review.QuerySelector("#signature-heading")!.TextContent.ShouldBe("签署");
        review.QuerySelector("#times-heading")!.TextContent.ShouldBe("关键时间");
        review.QuerySelectorAll("#times-heading ~ table tbody th").Select(th => th.TextContent).ShouldContain("报告");
        review.QuerySelector("#balance-chart-title")!.TextContent.ShouldBe("各阶段按组织类型划分的任务与资源承诺占比");
        review.QuerySelector(".review-note h3")!.TextContent.ShouldBe("经验教训");
        review.QuerySelector(".review-note .note-text")!.TextContent.ShouldBe(Hostile);
        review.QuerySelectorAll("main img").ShouldBeEmpty();
        review.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert", StringComparison.Ordinal));
        // The story of the chain is signed as drafted, in the language of the record; everything around it is the reader's.
        foreach (var story in review.QuerySelectorAll(".review-timeline"))
        {
            story.Remove();
        }

        Content(review, "After-action review", "Signature", "Draft", "Key times", "Milestone", "After the report", "did not happen", "What happened",
            "Obligations met", "Balance over time", "Kind of organisation", "Commitments", "Time to acknowledge", "Resources requested", "Requested",
            "Delivered", "Objectives", "Findings and lessons", "Auditors", "No comments", "Lesson", "First task accepted", "Lead organisation set",
            " phase", "in all", "Share of tasks");
    }

    [Fact]
    public async Task My_check_ins_my_reports_and_my_tasks_read_in_chinese()
    {
        var incident = (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var citizen = await InChineseAsync(App, await App.CreatePrivateCitizenAsync());
        var checkInForm = await OpenAsync(citizen, $"/Incidents/{incident}/CheckIn");
        checkInForm.QuerySelector("h1")!.TextContent.ShouldBe("您平安吗？");
        checkInForm.QuerySelectorAll("main legend").Select(l => l.TextContent).ShouldBe(["您的情况如何？", "您在哪里？"]);
        Content(checkInForm, "Are you safe", "How are you", "Where are you", "I am safe", "I need help", "Use my location", "Place name", "optional",
            "Street, building", "Tap the map", "Anything the coordinators", "Send", "Cancel", "Map:");

        var (posted, _) = await citizen.SubmitAsync($"/Incidents/{incident}/CheckIn", new Dictionary<string, string>
        {
            ["Input.Status"] = "NeedsHelp",
            ["Input.Latitude"] = "30.5250",
            ["Input.Longitude"] = "114.2990",
            ["Input.PlaceName"] = Hostile,
            ["Input.Note"] = "",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mine = await OpenAsync(citizen, "/CheckIns/Mine");
        mine.QuerySelector("h1")!.TextContent.ShouldBe("我的报平安");
        mine.QuerySelector(".outcome")!.TextContent.ShouldBe("我需要帮助");
        mine.QuerySelector("li p.muted:last-of-type")!.TextContent.ShouldContain(Hostile);
        mine.QuerySelectorAll("main img").ShouldBeEmpty();
        Content(mine, "My check-ins", "I need help", "The coordinators see it", "Update");

        var reports = await OpenAsync(citizen, "/Reports/Mine");
        reports.QuerySelector("h1")!.TextContent.ShouldBe("我的报告");
        reports.QuerySelector(".empty")!.TextContent.ShouldBe("您尚未报告任何事件。");
        Content(reports, "My reports", "Report an incident", "What became", "You have not");

        var scene = await ReviewScene.CreateAsync(App, close: false);
        var ngo = await InChineseAsync(App, scene.Ngo);
        var tasks = await OpenAsync(ngo, "/Tasks/Mine");
        tasks.QuerySelector("h1")!.TextContent.ShouldBe("本组织的任务");
        tasks.QuerySelector(".task-row .state")!.TextContent.ShouldBe("已接受");
        Content(tasks, "My organisation", "No task has been given");
    }
}
