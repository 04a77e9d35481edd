using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Incidents;

/// <summary>The flow: the flood goes from warning to response, a task goes to the NGO, the NGO accepts it, the board shows it.</summary>
public sealed class TaskBoardInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task Coordinator_moves_the_flood_to_response_and_gives_the_ngo_a_task_that_the_ngo_accepts()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup, AdministrativeLevel.City);
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee")))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == id)).TransitionTo(IncidentState.Warning, "Gauge rising", DateTimeOffset.UtcNow);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(id, ngo.OrganisationId, "Boat crews", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await Page.GotoAsync($"/Incidents/{id}/Transition");
        await Page.GetByLabel("Response").CheckAsync();
        await Page.GetByLabel("Reason").FillAsync("East levee overtopped at km 12.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change state" }).ClickAsync();
        await Expect(Page.Locator(".incident-head .state")).ToHaveTextAsync("Response");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Task board" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "New task" }).ClickAsync();
        await Page.GetByLabel("What is to be done").FillAsync("Evacuate the east-bank farms by boat");
        await Page.GetByLabel("Give it to").SelectOptionAsync(new SelectOptionValue { Value = ngo.OrganisationId.ToString() });
        await Page.GetByLabel("Priority").SelectOptionAsync("Urgent");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create task" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("given to");
        var assigned = Page.GetByRole(AriaRole.Region, new() { Name = "assigned (1)" });
        await Expect(assigned).ToContainTextAsync("Evacuate the east-bank farms by boat");
        await BrowserApp.ScreenshotAsync(Page, "task-board-assigned");

        var ngoPage = await App.NewPageAsync();
        await SignInAsync(ngoPage, ngo);
        await ngoPage.GotoAsync("/Tasks/Mine");
        await ngoPage.GetByRole(AriaRole.Button, new() { Name = "Accept: Evacuate the east-bank farms by boat" }).ClickAsync();
        await Expect(ngoPage.GetByRole(AriaRole.Status)).ToContainTextAsync("is now accepted");
        await BrowserApp.ScreenshotAsync(ngoPage, "my-tasks-accepted");
        await ngoPage.Context.CloseAsync();

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "accepted (1)" })).ToContainTextAsync("Evacuate the east-bank farms by boat");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "assigned (0)" })).Not.ToContainTextAsync("Evacuate");
        await BrowserApp.ScreenshotAsync(Page, "task-board-accepted");
    }
}
