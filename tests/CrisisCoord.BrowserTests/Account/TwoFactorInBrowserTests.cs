using System.Text.RegularExpressions;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.IntegrationTests.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Account;

/// <summary>Two-factor sign-in in a browser: set it up from the password page, then sign in with a code.</summary>
public sealed partial class TwoFactorInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_person_sets_up_an_authenticator_app_and_then_signs_in_with_its_code()
    {
        await Page.GotoAsync("/Account/ChangePassword");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        await Expect(Page.GetByText("Two-factor sign-in is off.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor sign-in" }).ClickAsync();

        var qr = Page.GetByAltText("QR code for your authenticator app");
        await Expect(qr).ToBeVisibleAsync();
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(100, "the QR image loads under the Content-Security-Policy");
        var key = (await Page.Locator(".authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(Page, "two-factor-set-up");
        await Page.GetByLabel("Code").FillAsync(Totp.Code(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn two-factor sign-in on" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-factor sign-in is on");
        await Expect(Page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await BrowserApp.ScreenshotAsync(Page, "two-factor-recovery-codes");

        var other = await App.NewPageAsync();
        await other.GotoAsync("/Account/SignIn");
        await other.GetByLabel("E-mail address").FillAsync(Me.Email);
        await other.GetByLabel("Password").FillAsync(Me.Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other.GetByText("Your account signs in with a code too")).ToBeVisibleAsync();
        await other.GetByLabel("Code").FillAsync(Totp.Wrong(key));
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("The code is not right.");
        await other.GetByLabel("Code").FillAsync(Totp.Code(key, 1));
        await BrowserApp.ScreenshotAsync(other, "two-factor-sign-in-code");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(other).Not.ToHaveURLAsync(SignInUrl());
        await other.GotoAsync("/Incidents");
        await Expect(other).ToHaveURLAsync(IncidentsUrl());
        await other.Context.CloseAsync();
    }

    [GeneratedRegex("/Account/SignIn")]
    private static partial Regex SignInUrl();

    [GeneratedRegex("/Incidents$")]
    private static partial Regex IncidentsUrl();
}
