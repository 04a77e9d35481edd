using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>The incident page, its task board and its forms in zh-CN: Chinese labels, no English label left, user text still inert.</summary>
public sealed class IncidentPagesInChineseTests(CrisisCoordApp app) : AppTest(app)
{
    private const string HostileTitle = "沙袋运往堤坝 <img src=x onerror=alert(1)>";

    /// <summary>Labels the pages used to show in English; none may be left in the Chinese page (user data never contains them here).</summary>
    private static readonly string[] EnglishLabels =
    [
        "Taking part", "Task board", "Coordinates", "Reference", "In this state since", "Public warnings", "Objectives",
        "Situation reports", "Resource requests", "Full timeline", "Bring in an organisation", "Change state", "Re-grade",
        "Correct the details", "No description", "Not graded", "What is to be done", "Give it to", "Create task", "New task",
        "Filter tasks", "All organisations", "Incidents", "Cancel", "(optional)", "Priority", "Report an incident",
        "What is happening", "Where is it", "Place name", "Latitude", "Longitude", "Use my location", "Send report",
        "Call-back number", "Photos", "Keep the location", "How serious", "Not sure", "was not sent", "Correct the fields",
    ];

    private static async Task<PageClient> ChineseReaderAsync(CrisisCoordApp app, Actor actor)
    {
        var pages = await PageClient.SignedInAsync(app, actor);
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return pages;
    }

    /// <summary>
    /// What a reader sees and hears: the page's text and the attributes read aloud or shown on hover, without the
    /// recorded payloads and codes, nor validators' messages and the task moves' names (both worded by their own helpers, checked there).
    /// </summary>
    private static string Visible(IDocument page)
    {
        foreach (var machine in page.QuerySelectorAll("main pre.payload, main code, main .timeline-action, main .field-error, main .validation-summary li, main .task-move button, script").ToList())
        {
            machine.Remove();
        }

        var main = page.QuerySelector("main")!;
        var attributes = main.QuerySelectorAll("[aria-label], [title], [placeholder], [alt]")
            .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("title"), e.GetAttribute("placeholder"), e.GetAttribute("alt") })
            .Where(a => a is not null);
        return main.TextContent + "\n" + string.Join("\n", attributes) + "\n" + page.Title;
    }

    private static void HasNoEnglishLabels(IDocument page)
    {
        var text = Visible(page);
        foreach (var label in EnglishLabels)
        {
            text.ShouldNotContain(label, Case.Sensitive, $"'{label}' is still in English");
        }
    }

    private static async Task<Guid> HostileTaskAsync(TaskScene scene)
    {
        var response = await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/tasks", new JsonObject
        {
            ["title"] = HostileTitle,
            ["priority"] = "Urgent",
            ["assignedOrganisationId"] = scene.Ngo.OrganisationId,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task The_incident_page_speaks_chinese_and_english_stays_as_it_was()
    {
        var scene = await TaskScene.CreateAsync(App);
        var chinese = await ChineseReaderAsync(App, scene.Coordinator);
        var english = await PageClient.SignedInAsync(App, scene.Coordinator);

        var (response, page) = await chinese.GetAsync($"/Incidents/{scene.Incident}");
        var (_, englishPage) = await english.GetAsync($"/Incidents/{scene.Incident}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector(".breadcrumb a")!.TextContent.ShouldBe("事件");
        page.QuerySelector("#participants-heading")!.TextContent.ShouldBe("参与组织");
        page.QuerySelector("#objectives-heading")!.TextContent.ShouldBe("目标");
        page.QuerySelector("#timeline-heading")!.TextContent.ShouldBe("时间线");
        page.QuerySelector("#warnings-heading")!.TextContent.ShouldBe("公众预警");
        page.QuerySelectorAll("dl.facts dt").Select(dt => dt.TextContent).ShouldContain("进入当前状态的时间");
        page.QuerySelector($"a[href='/Incidents/{scene.Incident}/Tasks']")!.TextContent.ShouldBe("任务看板");
        page.QuerySelector(".severity")!.GetAttribute("title").ShouldBe("II级：重大（橙色）");
        HasNoEnglishLabels(page);

        englishPage.QuerySelector("#participants-heading")!.TextContent.ShouldBe("Taking part");
        englishPage.QuerySelector($"a[href='/Incidents/{scene.Incident}/Tasks']")!.TextContent.ShouldBe("Task board");
        englishPage.QuerySelector(".severity")!.GetAttribute("title").ShouldBe("Severity II: Major (orange)");
    }

    [Fact]
    public async Task The_task_board_and_the_new_task_form_speak_chinese_and_keep_a_hostile_title_as_text()
    {
        var scene = await TaskScene.CreateAsync(App);
        await HostileTaskAsync(scene);
        var pages = await ChineseReaderAsync(App, scene.Coordinator);

        var (_, board) = await pages.GetAsync($"/Incidents/{scene.Incident}/Tasks");
        var (_, form) = await pages.GetAsync($"/Incidents/{scene.Incident}/Tasks/New");

        board.QuerySelector("h1")!.TextContent.ShouldBe("任务");
        board.QuerySelector("a.button-primary[href$='/Tasks/New']")!.TextContent.ShouldBe("新建任务");
        board.QuerySelector("select#organisation option[value='']")!.TextContent.ShouldBe("全部组织");
        var card = board.QuerySelector(".task-card")!;
        card.QuerySelector(".task-title")!.TextContent.ShouldBe(HostileTitle);
        card.QuerySelector("img").ShouldBeNull();
        card.QuerySelector(".task-priority")!.TextContent.ShouldBe("紧急");
        HasNoEnglishLabels(board);

        form.Title.ShouldStartWith("新建任务：");
        form.QuerySelector("h1")!.TextContent.ShouldBe("新建任务");
        form.QuerySelector("label[for=Input_Title]")!.TextContent.ShouldBe("要做什么");
        form.QuerySelector("label[for=Input_AssignedOrganisationId]")!.TextContent.ShouldBe("交给");
        form.QuerySelector("select[name='Input.Priority'] option[value='Urgent']")!.TextContent.ShouldBe("紧急");
        form.QuerySelector("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("Normal");
        form.QuerySelector("button[type=submit].button-primary")!.TextContent.ShouldBe("创建任务");
        HasNoEnglishLabels(form);
    }

    [Fact]
    public async Task The_report_form_speaks_chinese_and_a_refused_report_keeps_what_was_typed()
    {
        var pages = await ChineseReaderAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (_, blank) = await pages.GetAsync("/Incidents/New");
        var (response, refused) = await pages.SubmitAsync("/Incidents/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Description"] = "东堤12公里处漫水 <script>alert(1)</script>",
            ["Input.Category"] = "NaturalDisaster",
            ["Input.Severity"] = "II",
            ["Input.PlaceName"] = "东山镇 <b>青河</b>",
            ["Input.Latitude"] = "91",
            ["Input.Longitude"] = "114.2861",
        });

        blank.QuerySelector("h1")!.TextContent.ShouldBe("报告事件");
        blank.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()).ShouldContain("发生了什么？");
        blank.QuerySelector("input[name='Input.PlaceName']")!.GetAttribute("placeholder").ShouldBe("街道、村庄、地标");
        blank.QuerySelector("button[type=submit].button-primary")!.TextContent.ShouldBe("发送报告");
        HasNoEnglishLabels(blank);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.QuerySelector(".validation-summary strong")!.TextContent.ShouldBe("报告未发送。");
        refused.QuerySelector<IHtmlInputElement>("input[name='Input.Latitude']")!.Value.ShouldBe("91");
        refused.QuerySelector<IHtmlInputElement>("input[name='Input.PlaceName']")!.Value.ShouldBe("东山镇 <b>青河</b>");
        refused.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Description']")!.Value.ShouldBe("东堤12公里处漫水 <script>alert(1)</script>");
        refused.QuerySelector<IHtmlInputElement>("input[name='Input.Severity'][value='II']")!.IsChecked.ShouldBeTrue();
        refused.QuerySelector("main b").ShouldBeNull();
        HasNoEnglishLabels(refused);
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }
}
