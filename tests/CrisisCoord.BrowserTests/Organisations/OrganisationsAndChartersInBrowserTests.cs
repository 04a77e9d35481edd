using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Organisations;

public sealed class OrganisationsAndChartersInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Administrator;

    [Fact]
    public async Task Administrator_reads_the_charter_matrix_and_an_organisation_on_desktop_and_phone()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Charters" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Charter");
        await Expect(Page.GetByRole(AriaRole.Table).First).ToContainTextAsync("ReportIncident");
        await BrowserApp.ScreenshotAsync(Page, "charters-matrix");

        await Page.GotoAsync($"/Organisations/{ngo.OrganisationId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CivicGroup");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Add a person" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(Page, "organisation-detail");

        var phone = await App.NewPageAsync(width: 390, height: 844);
        await SignInAsync(phone, Me);
        foreach (var url in new[] { "/Organisations", $"/Organisations/{ngo.OrganisationId}", "/Charters", "/Resources", "/People/New" })
        {
            await BrowserApp.AssertFitsWidthAsync(phone, url);
        }

        await phone.GotoAsync("/Charters");
        await BrowserApp.ScreenshotAsync(phone, "charters-phone");
        await phone.Context.CloseAsync();
    }
}
