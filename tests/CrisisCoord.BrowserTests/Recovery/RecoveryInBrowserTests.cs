using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Recovery;

/// <summary>
/// Recovery as its people play it: the coordinator starts a project from the incident page, and its owner, signed in
/// elsewhere, marks a milestone done; both see the progress, and a title written as markup stays text.
/// </summary>
public sealed class RecoveryInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    private const string Hostile = "<img src=x onerror=\"window.__injected=1\">Rebuild the east pumps";

    [Fact]
    public async Task A_coordinator_starts_a_project_from_the_incident_page_and_its_owner_marks_a_milestone_done()
    {
        var scene = await TaskScene.CreateAsync(App);
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == scene.Incident)).TransitionTo(IncidentState.Recovery, "Water receding", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var coordinator = await App.NewPageAsync();
        await SignInAsync(coordinator, scene.Coordinator);
        await coordinator.GotoAsync($"/Incidents/{scene.Incident}");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Recovery work" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Start a recovery project" }).ClickAsync();
        await coordinator.GetByLabel("Title").FillAsync(Hostile);
        await coordinator.GetByLabel("Owner").SelectOptionAsync(scene.Ngo.OrganisationId.ToString());
        await coordinator.GetByLabel("Budget").FillAsync("480000");
        await coordinator.GetByLabel("Currency").FillAsync("CNY");
        await coordinator.GetByLabel("Milestone 1").FillAsync("Survey the pump house");
        await coordinator.Locator("#Input_Milestones_0__DueOn").FillAsync("2027-01-15");
        await coordinator.GetByLabel("Milestone 2").FillAsync("Replace the pumps");
        await coordinator.Locator("#Input_Milestones_1__DueOn").FillAsync("2027-03-01");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Start the project" }).ClickAsync();

        await Expect(coordinator.Locator("h1")).ToHaveTextAsync(Hostile);
        var projectUrl = coordinator.Url;
        (await coordinator.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark .* done$") }).CountAsync())
            .ShouldBe(0, "only the owner marks its milestones");

        var owner = await App.NewPageAsync(390, 844);
        try
        {
            await SignInAsync(owner, scene.Ngo);
            await owner.GotoAsync(projectUrl);
            await owner.GetByRole(AriaRole.Button, new() { Name = "Mark Survey the pump house done" }).ClickAsync();
            await Expect(owner.GetByRole(AriaRole.Button, new() { Name = "Mark Survey the pump house not done" })).ToBeVisibleAsync();
            await BrowserApp.AssertFitsWidthAsync(owner, projectUrl);
            await BrowserApp.ScreenshotAsync(owner, "recovery-project-owner-phone");
        }
        finally
        {
            await owner.Context.CloseAsync();
        }

        await coordinator.GotoAsync($"/Incidents/{scene.Incident}/Recovery");
        await Expect(coordinator.Locator("table")).ToContainTextAsync("1 of 2 done");
        await Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = Hostile })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(coordinator, "recovery-work");
        (await coordinator.Locator("img[src=x]").CountAsync()).ShouldBe(0);
        (await coordinator.EvaluateAsync<bool>("() => window.__injected === undefined")).ShouldBeTrue();
        await coordinator.Context.CloseAsync();
    }
}
