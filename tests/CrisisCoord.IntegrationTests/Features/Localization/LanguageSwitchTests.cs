using System.Net;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>The top bar's language switcher, before and after sign-in, and how a page picks its language.</summary>
public sealed class LanguageSwitchTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Switcher = "form.language-switch";

    /// <summary>Opens <paramref name="from"/> and presses the switcher's button for <paramref name="culture"/>, as a click would.</summary>
    private static async Task<HttpResponseMessage> SwitchAsync(PageClient pages, string from, string culture, string? zone = null)
    {
        var (_, page) = await pages.GetAsync(from);
        var form = page.QuerySelector(Switcher) ?? throw new InvalidOperationException($"{from} has no language switcher");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["returnUrl"] = form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value")!,
            // site.js fills this from the zone cookie or the browser's own zone.
            ["timeZone"] = zone ?? "",
            ["culture"] = culture,
        };
        return await pages.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Switching_to_chinese_before_sign_in_stays_on_the_same_page_and_speaks_chinese()
    {
        var pages = new PageClient(App);

        var response = await SwitchAsync(pages, "/Account/SignIn?ReturnUrl=%2FIncidents", "zh-CN");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Account/SignIn?ReturnUrl=%2FIncidents");
        var (_, page) = await pages.GetAsync("/Account/SignIn");
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector("h1")!.TextContent.ShouldBe("登录");
        page.QuerySelector("label[for=Input_Password]")!.TextContent.ShouldBe("密码");

        await SwitchAsync(pages, "/Account/SignIn", "en");
        (await pages.GetAsync("/Account/SignIn")).Document.QuerySelector("h1")!.TextContent.ShouldBe("Sign in");
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task The_switch_never_sends_the_reader_to_another_site(string returnUrl)
    {
        var pages = new PageClient(App);
        var (_, page) = await pages.GetAsync("/Account/SignIn");
        var token = page.QuerySelector($"{Switcher} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await pages.Http.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "zh-CN",
            ["returnUrl"] = returnUrl,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task The_switch_refuses_a_post_without_the_antiforgery_token_and_an_unknown_language()
    {
        var pages = new PageClient(App);
        await pages.GetAsync("/Account/SignIn");

        var forged = await pages.Http.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/" }));
        var unknown = await SwitchAsync(pages, "/Account/SignIn", "fr-FR");

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pages.GetAsync("/Account/SignIn")).Document.QuerySelector("h1")!.TextContent.ShouldBe("Sign in");
    }

    [Fact]
    public async Task A_page_follows_accept_language_unless_the_reader_chose()
    {
        var pages = new PageClient(App);
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        (await pages.GetAsync("/Account/SignIn")).Document.QuerySelector("h1")!.TextContent.ShouldBe("登录");

        await SwitchAsync(pages, "/Account/SignIn", "en");
        (await pages.GetAsync("/Account/SignIn")).Document.QuerySelector("h1")!.TextContent.ShouldBe("Sign in");
    }

    [Fact]
    public async Task A_signed_in_person_switching_keeps_it_as_their_choice_on_their_next_sign_in()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var pages = await PageClient.SignedInAsync(App, actor);

        var response = await SwitchAsync(pages, "/Incidents", "zh-CN", zone: "Asia/Shanghai");

        response.Headers.Location!.OriginalString.ShouldBe("/Incidents");
        await using (var db = App.Database.CreateContext())
        {
            var saved = await db.Users.SingleAsync(u => u.Id == actor.UserId);
            (saved.PreferredLanguage, saved.TimeZone).ShouldBe(("zh-CN", "Asia/Shanghai"));
        }

        // Another browser, which never switched and whose header asks for English.
        var elsewhere = await PageClient.SignedInAsync(App, actor);
        elsewhere.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var (_, page) = await elsewhere.GetAsync("/Incidents");
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector("nav a[href='/Incidents']")!.TextContent.ShouldBe("事件");
        elsewhere.Cookies.GetCookies(App.ClientOptions.BaseAddress)["crisiscoord-zone"]!.Value.ShouldBe("Asia%2FShanghai");
    }

    [Fact]
    public async Task The_top_bar_and_domain_terms_read_in_chinese()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, actor);
        await SwitchAsync(pages, "/", "zh-CN");

        var (_, page) = await pages.GetAsync("/Incidents");

        page.QuerySelector("nav a[href='/Tasks/Mine']")!.TextContent.ShouldBe("我的任务");
        page.QuerySelector(".account button")!.TextContent.ShouldBe("退出登录");
        page.QuerySelector("footer")!.TextContent.Trim().ShouldBe("CrisisCoord —— 多机构应急协同。时间按您所在的时区显示。");
        page.QuerySelector($"{Switcher} button[aria-pressed=true]")!.TextContent.ShouldBe("中文");
    }
}
