using System.Text.RegularExpressions;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Account;

/// <summary>The mailed links, followed in a browser: the mail arrives over SMTP at the test's own server.</summary>
public sealed partial class AccountMailInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_citizen_registers_opens_the_mailed_link_confirms_and_signs_in()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Your name").FillAsync("Qian Yu");
        await page.GetByLabel("E-mail address").FillAsync("qian.yu@test.example");
        await page.GetByLabel("Password").FillAsync("a-good-password-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Check your e-mail to confirm your address");
        await BrowserApp.ScreenshotAsync(page, "register-check-email");

        var mail = (await App.Mail.WaitForAsync("qian.yu@test.example")).Single();
        await page.GotoAsync(TestMailServer.LinkIn(mail).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your e-mail address is confirmed");
        await SignInAsync(page, new Actor(Guid.Empty, Guid.Empty, OrganisationKind.Citizen, "qian.yu@test.example", "a-good-password-42", Roles.Citizen));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_who_forgot_their_password_sets_a_new_one_from_the_mailed_link()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/Account/ForgotPassword");
        await page.GetByLabel("E-mail address").FillAsync(Me.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses this address");

        var mail = (await App.Mail.WaitForAsync(Me.Email)).Single();
        await page.GotoAsync(TestMailServer.LinkIn(mail).PathAndQuery);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("my-own-new-password-5");
        await page.GetByLabel("New password again").FillAsync("my-own-new-password-5");
        await BrowserApp.ScreenshotAsync(page, "reset-password-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed");
        await SignInAsync(page, Me with { Password = "my-own-new-password-5" });
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/Account/SignIn$")]
    private static partial Regex SignInUrl();
}
