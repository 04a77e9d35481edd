using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>A person's language and time zone, chosen on their own page or through the API, kept for every device.</summary>
public sealed class PreferencesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task The_api_keeps_a_language_and_zone_and_refuses_an_unknown_zone_by_name_writing_nothing()
    {
        var actor = await App.CreateAsync(Roles.Auditor);
        var client = await App.ClientForAsync(actor);

        var saved = await client.PutAsJsonAsync("/api/v1/me/preferences", new { language = "zh-CN", timeZone = "Asia/Shanghai" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await client.GetFromJsonAsync<JsonObject>("/api/v1/me/preferences");
        (read!["language"]!.GetValue<string>(), read["timeZone"]!.GetValue<string>()).ShouldBe(("zh-CN", "Asia/Shanghai"));

        var refused = await client.PutAsJsonAsync("/api/v1/me/preferences", new { language = "en", timeZone = "Mars/Olympus_Mons" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!["timeZone"]!.AsArray().Single()!.GetValue<string>().ShouldContain("Mars/Olympus_Mons");
        await using var db = App.Database.CreateContext();
        var person = await db.Users.SingleAsync(u => u.Id == actor.UserId);
        (person.PreferredLanguage, person.TimeZone).ShouldBe(("zh-CN", "Asia/Shanghai"), "a refused change writes nothing, not even its valid half");
    }

    [Fact]
    public async Task The_page_saves_the_choice_and_speaks_it_at_once_and_keeps_a_refused_zone_in_the_form()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var pages = await PageClient.SignedInAsync(App, actor);

        var (refused, form) = await pages.SubmitAsync("/Account/Preferences", new Dictionary<string, string>
        {
            ["Input.Language"] = "zh-CN",
            ["Input.TimeZone"] = "Atlantis/<b>Capital</b>",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value").ShouldBe("Atlantis/<b>Capital</b>");
        form.QuerySelector("[data-valmsg-for='Input.TimeZone']")!.TextContent.ShouldContain("Atlantis/<b>Capital</b>");
        form.QuerySelector("b").ShouldBeNull("the refused zone is shown as text");

        var (saved, _) = await pages.SubmitAsync("/Account/Preferences", new Dictionary<string, string>
        {
            ["Input.Language"] = "zh-CN",
            ["Input.TimeZone"] = "Europe/London",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, page) = await pages.GetAsync("/Account/Preferences");
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector("h1")!.TextContent.ShouldBe("语言和时区");
        page.QuerySelector("input[name='Input.Language'][value='zh-CN']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value").ShouldBe("Europe/London");
        await using var db = App.Database.CreateContext();
        var person = await db.Users.SingleAsync(u => u.Id == actor.UserId);
        (person.PreferredLanguage, person.TimeZone).ShouldBe(("zh-CN", "Europe/London"));
    }
}
