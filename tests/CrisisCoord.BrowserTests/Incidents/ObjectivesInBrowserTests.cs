using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Incidents;

/// <summary>A coordinator sets an objective on the incident page and watches its progress bar fill.</summary>
public sealed class ObjectivesInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task Coordinator_sets_an_objective_and_records_progress_until_it_is_met()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("M6.1 earthquake near Xiba Town")))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == id)).TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await Page.GotoAsync($"/Incidents/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Set an objective" }).ClickAsync();
        await Page.GetByLabel("Objective").FillAsync("Shelter displaced residents");
        await Page.GetByLabel("Target").FillAsync("3000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set objective" }).ClickAsync();
        await Expect(Page.Locator("[data-valmsg-for='Input.Unit']")).ToContainTextAsync("Give the unit");
        await Page.GetByLabel("Unit").FillAsync("people");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set objective" }).ClickAsync();

        var objective = Page.GetByRole(AriaRole.Region, new() { Name = "Objectives" }).Locator(".objective");
        await Expect(objective).ToContainTextAsync("0 of 3000 people (0%)");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Update progress: Shelter displaced residents" }).ClickAsync();
        await Page.GetByLabel("Reached so far").FillAsync("2100");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Expect(objective).ToContainTextAsync("2100 of 3000 people (70%)");
        await Expect(objective.Locator("progress")).ToHaveAttributeAsync("value", "70");
        await BrowserApp.ScreenshotAsync(Page, "incident-objectives");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Update progress: Shelter displaced residents" }).ClickAsync();
        await Page.GetByLabel("Reached so far").FillAsync("99999");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("between 0 and 30000");
        await Expect(Page.GetByLabel("Reached so far")).ToHaveValueAsync("99999");
        await Page.GetByLabel("Reached so far").FillAsync("3000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Objective met");
    }
}
