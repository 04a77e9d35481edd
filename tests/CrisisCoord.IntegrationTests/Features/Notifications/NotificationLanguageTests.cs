using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Notifications;

/// <summary>
/// A notification is written in every language the portal speaks and read in the reader's; its mail stays in the
/// recipient's saved language (ADR 0039).
/// </summary>
public sealed class NotificationLanguageTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Versioned = "Evacuate the east-bank farms by boat";
    private const string VersionInChinese = "乘船疏散东岸农场";
    private const string Hostile = "<script>alert('x')</script> & \"sandbags\" <b>now</b>";

    private async Task<TaskScene> SceneWithChineseVersionAsync()
    {
        var scene = await TaskScene.CreateAsync(App);
        await using (var db = App.Database.CreateContext())
        {
            db.TextVersions.Add(new TextVersion { Language = Languages.Chinese, Original = Versioned, Version = VersionInChinese });
            await db.SaveChangesAsync();
        }

        App.Services.GetRequiredService<TextVersions>().Forget();
        return scene;
    }

    private static async Task CreateTaskAsync(TaskScene scene, string title)
    {
        var body = new JsonObject { ["title"] = title, ["priority"] = "Normal", ["assignedOrganisationId"] = scene.Ngo.OrganisationId };
        var response = await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/tasks", body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<List<string>> ApiTitlesAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/notifications");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var inbox = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. inbox["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>())];
    }

    private async Task<(List<string> Titles, string Html)> PageTitlesAsync(Actor actor, string language)
    {
        var pages = await PageClient.SignedInAsync(App, actor);
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var (response, page) = await pages.GetAsync("/Notifications");
        response.EnsureSuccessStatusCode();
        return ([.. page.QuerySelectorAll("#notifications form.notification-open button").Select(b => b.TextContent)], await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_person_with_no_saved_language_reads_a_notification_in_the_language_of_each_request_with_names_in_their_version()
    {
        var scene = await SceneWithChineseVersionAsync();
        await CreateTaskAsync(scene, Versioned);

        (await ApiTitlesAsync(scene.NgoClient, "zh-CN")).ShouldBe(["分派给本组织的任务：" + VersionInChinese]);
        (await ApiTitlesAsync(scene.NgoClient, "en-GB,en;q=0.9")).ShouldBe(["Task for your organisation: " + Versioned]);
        (await PageTitlesAsync(scene.Ngo, "zh-CN,zh;q=0.9")).Titles.ShouldBe(["分派给本组织的任务：" + VersionInChinese]);
        (await PageTitlesAsync(scene.Ngo, "en")).Titles.ShouldBe(["Task for your organisation: " + Versioned]);

        // Written once, in both languages; the title of record (what mail says) in the recipient's: English, none saved.
        await using var db = App.Database.CreateContext();
        (await db.Users.SingleAsync(u => u.Id == scene.Ngo.UserId)).PreferredLanguage.ShouldBeNull();
        var row = await db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == scene.Ngo.UserId);
        row.Title.ShouldBe("Task for your organisation: " + Versioned);
        row.Titles!.Keys.Order().ShouldBe(Languages.Supported.Select(l => l.Culture).Order());
    }

    [Fact]
    public async Task A_hostile_title_stays_text_on_the_page_and_in_the_api_in_both_languages()
    {
        var scene = await SceneWithChineseVersionAsync();
        await CreateTaskAsync(scene, Hostile);

        foreach (var (language, sentence) in new[] { ("zh-CN", "分派给本组织的任务：" + Hostile), ("en", "Task for your organisation: " + Hostile) })
        {
            (await ApiTitlesAsync(scene.NgoClient, language)).ShouldBe([sentence]);
            var (titles, html) = await PageTitlesAsync(scene.Ngo, language);
            titles.ShouldBe([sentence], "the button's text is the title, as typed");
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<b>now</b>");
            html.ShouldContain("&lt;script&gt;alert(");
        }
    }

    [Fact]
    public async Task Mail_is_in_the_recipients_saved_language_whatever_the_inbox_is_read_in()
    {
        var scene = await SceneWithChineseVersionAsync();
        var chineseReader = await App.CreateAsync(Roles.ResourceManager, organisationId: scene.Ngo.OrganisationId);
        await using (var db = App.Database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == chineseReader.UserId)).PreferredLanguage = Languages.Chinese;
            await db.SaveChangesAsync();
        }

        await CreateTaskAsync(scene, Versioned);
        (await App.SendOutboxAsync()).ShouldBe(2);

        App.Mail.To(scene.Ngo.Email).ShouldHaveSingleItem().TextBody!.ShouldContain("- Task for your organisation: " + Versioned);
        var chinese = App.Mail.To(chineseReader.Email).ShouldHaveSingleItem().TextBody!;
        chinese.ShouldContain("- 分派给本组织的任务：" + VersionInChinese);
        chinese.ShouldNotContain("Task for your organisation");
        // The Chinese reader reading in English (the switch not saved) reads the English.
        (await ApiTitlesAsync(await App.ClientForAsync(chineseReader), "en")).ShouldBe(["Task for your organisation: " + Versioned]);
    }

    [Fact]
    public async Task A_notification_written_before_titles_had_languages_reads_as_written_in_every_language()
    {
        var scene = await TaskScene.CreateAsync(App);
        await using (var db = App.Database.CreateContext())
        {
            db.Notifications.Add(Notification.For(
                scene.Ngo.UserId, scene.Ngo.OrganisationId, NotificationKind.TaskAssigned, "Task for your organisation: Fill sandbags", "/Tasks/Mine", "old:1", NotificationDelivery.InApp, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        (await ApiTitlesAsync(scene.NgoClient, "zh-CN")).ShouldBe(["Task for your organisation: Fill sandbags"]);
        (await PageTitlesAsync(scene.Ngo, "zh-CN")).Titles.ShouldBe(["Task for your organisation: Fill sandbags"]);
        (await ApiTitlesAsync(scene.NgoClient, "en")).ShouldBe(["Task for your organisation: Fill sandbags"]);
    }
}
