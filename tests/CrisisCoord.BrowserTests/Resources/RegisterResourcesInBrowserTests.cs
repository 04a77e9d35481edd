using System.Text.RegularExpressions;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Resources;

public sealed class RegisterResourcesInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.ResourceManager;

    protected override OrganisationKind Kind => OrganisationKind.CivicGroup;

    [Fact]
    public async Task Ngo_resource_manager_registers_water_and_a_coordinator_finds_it()
    {
        await Page.GotoAsync("/Resources");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Register a resource" }).ClickAsync();
        await Page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Drinking water (litre)" });
        await Page.GetByLabel("Quantity").FillAsync("200");
        await Page.GetByLabel("Place name").FillAsync("Red Cross depot, Qinghe North");
        await Page.GetByLabel("Latitude").FillAsync("30.6012");
        await Page.GetByLabel("Longitude").FillAsync("114.3105");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register resource" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/Resources/[0-9a-f-]{36}$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("200 litres · Drinking water");
        await BrowserApp.ScreenshotAsync(Page, "resource-registered");

        var coordinator = await App.NewPageAsync();
        await SignInAsync(coordinator, await App.CreateAsync(Roles.Coordinator));
        await coordinator.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Resources" }).ClickAsync();
        await coordinator.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Drinking water (litre)" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var row = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Red Cross depot" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("200 litres");
        await Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = "Register a resource" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(coordinator, "resources-seen-by-coordinator");
        await coordinator.Context.CloseAsync();
    }
}
