using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Security;

/// <summary>Where you are signed in, ending a session you do not recognise, and an administrator disabling an account.</summary>
public sealed class AccountSecurityInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Administrator;

    [Fact]
    public async Task A_person_ends_a_session_they_do_not_recognise_and_an_administrator_disables_an_account()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var phone = await App.NewPageAsync(390, 844);
        await SignInAsync(phone, staff);
        var laptop = await App.NewPageAsync();
        await SignInAsync(laptop, staff);

        await laptop.GotoAsync("/Account/ChangePassword");
        var sessions = laptop.GetByRole(AriaRole.Region, new() { Name = "Where you are signed in" });
        await Expect(sessions.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(sessions).ToContainTextAsync("This browser");
        await BrowserApp.ScreenshotAsync(laptop, "account-sessions");
        await sessions.GetByRole(AriaRole.Button, new() { Name = "End this session" }).ClickAsync();
        await Expect(laptop.Locator(".flash")).ToContainTextAsync("That session has ended");
        await phone.GotoAsync("/Incidents");
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));

        // The administrator disables the account: the laptop's session ends too.
        await Page.GotoAsync($"/Organisations/{staff.OrganisationId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Disable the account" }).ClickAsync();
        await Expect(Page.Locator(".flash")).ToContainTextAsync("can no longer sign in");
        await Expect(Page.Locator(".account-disabled")).ToHaveTextAsync("Disabled");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enable the account" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(Page, "organisation-disabled-person");
        await laptop.GotoAsync("/Incidents");
        await Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await phone.Context.CloseAsync();
        await laptop.Context.CloseAsync();
    }
}
