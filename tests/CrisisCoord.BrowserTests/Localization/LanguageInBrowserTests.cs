using System.Text.RegularExpressions;
using CrisisCoord.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Localization;

/// <summary>The top bar's language switcher in a real browser, before and after sign-in, and the zone the browser tells.</summary>
public sealed partial class LanguageInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Switching_to_chinese_keeps_the_reader_on_the_same_page_and_is_kept_with_their_zone()
    {
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Asia/Shanghai",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/Account/SignIn?ReturnUrl=%2FIncidents");
            await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(SignInWithReturn());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "中文" })).ToHaveAttributeAsync("aria-pressed", "true");
            await BrowserApp.ScreenshotAsync(page, "sign-in-in-chinese");

            await page.GetByLabel("电子邮件地址").FillAsync(Me.Email);
            await page.GetByLabel("密码").FillAsync(Me.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(IncidentsPage());
            await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的任务" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(IncidentsPage());
            await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "My tasks" })).ToBeVisibleAsync();
            await using var db = App.Database.CreateContext();
            var saved = await db.Users.SingleAsync(u => u.Id == Me.UserId);
            (saved.PreferredLanguage, saved.TimeZone).ShouldBe(("en", "Asia/Shanghai"), "the zone the browser told, kept with the choice");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [GeneratedRegex(@"/Account/SignIn\?ReturnUrl=%2FIncidents$")]
    private static partial Regex SignInWithReturn();

    [GeneratedRegex("/Incidents$")]
    private static partial Regex IncidentsPage();
}
