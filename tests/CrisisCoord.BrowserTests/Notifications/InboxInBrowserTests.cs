using System.Net.Http.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Notifications;

/// <summary>A task given to the NGO rings its member's bell; the inbox opens it, the settings keep a choice, and the bell goes quiet.</summary>
public sealed class InboxInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.ResourceManager;

    protected override OrganisationKind Kind => OrganisationKind.CivicGroup;

    [Fact]
    public async Task A_member_sees_the_bell_opens_the_task_from_the_inbox_and_chooses_in_app_only()
    {
        var coordinator = await App.ClientForAsync(await App.CreateAsync(Roles.Coordinator));
        var id = (await IncidentData.LogAsync(coordinator, IncidentData.ValidBody("Qing River rising at Dongshan levee")))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == id)).TransitionTo(IncidentState.Response, "Levee overtopped", DateTimeOffset.UtcNow);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(id, Me.OrganisationId, "Boat crews", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{id}/tasks", new { title = "Evacuate the east-bank farms by boat", assignedOrganisationId = Me.OrganisationId }))
            .EnsureSuccessStatusCode();

        await Page.GotoAsync("/");
        var count = Page.Locator("#notification-count");
        await Expect(count).ToHaveTextAsync("1");
        await BrowserApp.ScreenshotAsync(Page, "notification-bell");

        await Page.Locator("#notification-bell").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inbox");
        var item = Page.GetByRole(AriaRole.Button, new() { Name = "Task for your organisation: Evacuate the east-bank farms by boat" });
        await Expect(item).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(Page, "notification-inbox");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Choose what is e-mailed to you" }).ClickAsync();
        await Page.GetByLabel("Tasks given to your organisation").SelectOptionAsync("InApp");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await Expect(Page.GetByLabel("Tasks given to your organisation")).ToHaveValueAsync("InApp");
        await BrowserApp.ScreenshotAsync(Page, "notification-settings");

        await Page.GotoAsync("/Notifications");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Task for your organisation: Evacuate the east-bank farms by boat" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Incidents/{id}/Tasks$"));
        await Expect(Page.Locator("#notification-count")).ToBeHiddenAsync();
        await Expect(Page.Locator("#notification-bell")).ToHaveAttributeAsync("aria-label", "Inbox, 0 unread");
    }
}
