using System.Net.Http.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Live;

/// <summary>Two people on one task board: what one does appears on the other's open screen, without a reload.</summary>
public sealed class LiveUpdatesInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task A_task_given_to_the_ngo_appears_on_its_open_board_and_its_acceptance_on_the_coordinators()
    {
        var (id, ngo) = await FloodWithNgoAsync();
        var ngoPage = await App.NewPageAsync();
        var violations = CspViolations(ngoPage);
        await SignInAsync(ngoPage, ngo);
        await ngoPage.GotoAsync($"/Incidents/{id}/Tasks");
        await Expect(ngoPage.GetByRole(AriaRole.Region, new() { Name = "assigned (0)" })).ToBeVisibleAsync();
        var ngoMine = await ngoPage.Context.NewPageAsync();
        await ngoMine.GotoAsync("/Tasks/Mine");
        await Expect(ngoMine.GetByText("No task has been given to your organisation.")).ToBeVisibleAsync();
        await WaitUntilLiveAsync(ngoPage);
        await WaitUntilLiveAsync(ngoMine);

        await Page.GotoAsync($"/Incidents/{id}/Tasks");
        await WaitUntilLiveAsync(Page);
        var coordinatorBoard = Page;
        var form = await App.NewPageAsync();
        await SignInAsync(form, Me);
        await form.GotoAsync($"/Incidents/{id}/Tasks/New");
        await form.GetByLabel("What is to be done").FillAsync("Evacuate the east-bank farms by boat");
        await form.GetByLabel("Give it to").SelectOptionAsync(new SelectOptionValue { Value = ngo.OrganisationId.ToString() });
        await form.GetByRole(AriaRole.Button, new() { Name = "Create task" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("given to");

        // No reload on the other screens: the board, my tasks and the coordinator's own open board.
        var assigned = ngoPage.GetByRole(AriaRole.Region, new() { Name = "assigned (1)" });
        await Expect(assigned).ToContainTextAsync("Evacuate the east-bank farms by boat", new() { Timeout = 3000 });
        await Expect(ngoMine.GetByRole(AriaRole.Button, new() { Name = "Accept: Evacuate the east-bank farms by boat" })).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Expect(coordinatorBoard.GetByRole(AriaRole.Region, new() { Name = "assigned (1)" })).ToBeVisibleAsync(new() { Timeout = 3000 });
        await BrowserApp.ScreenshotAsync(ngoPage, "live-task-board-new-task");

        await ngoMine.GetByRole(AriaRole.Button, new() { Name = "Accept: Evacuate the east-bank farms by boat" }).ClickAsync();
        await Expect(ngoMine.GetByRole(AriaRole.Status)).ToContainTextAsync("is now accepted");
        await Expect(coordinatorBoard.GetByRole(AriaRole.Region, new() { Name = "accepted (1)" })).ToContainTextAsync("Evacuate the east-bank farms by boat", new() { Timeout = 3000 });
        await Expect(ngoPage.GetByRole(AriaRole.Region, new() { Name = "assigned (0)" })).ToBeVisibleAsync(new() { Timeout = 3000 });
        violations.ShouldBeEmpty();
        await ngoPage.Context.CloseAsync();
        await form.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dropped_connection_shows_reconnecting_and_catches_up_when_it_is_back()
    {
        var (id, _) = await FloodWithNgoAsync();
        var dropped = false;
        var sockets = new List<IWebSocketRoute>();
        await Page.RouteWebSocketAsync("**/live**", socket =>
        {
            if (dropped)
            {
                socket.CloseAsync();
                return;
            }

            socket.ConnectToServer();
            sockets.Add(socket);
        });
        await Page.RouteAsync("**/live/negotiate**", route => dropped ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());
        await Page.GotoAsync($"/Incidents/{id}");
        await WaitUntilLiveAsync(Page);
        var status = Page.Locator("#live-status");
        await Expect(status).ToBeHiddenAsync();

        dropped = true;
        foreach (var socket in sockets)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "network dropped" });
        }

        await Expect(status).ToContainTextAsync("Reconnecting", new() { Timeout = 5000 });
        await BrowserApp.ScreenshotAsync(Page, "live-reconnecting");
        var client = await App.ClientForAsync(Me);
        (await client.PostAsJsonAsync($"/api/v1/incidents/{id}/log", new { text = "Pumps running at the east bank" })).EnsureSuccessStatusCode();
        await Expect(Page.Locator("ul.log").GetByText("Pumps running at the east bank")).ToHaveCountAsync(0);

        dropped = false;
        await Expect(status).ToBeHiddenAsync(new() { Timeout = 15000 });
        await Expect(Page.Locator("ul.log").GetByText("Pumps running at the east bank")).ToBeVisibleAsync(new() { Timeout = 3000 });
    }

    private async Task<(Guid Incident, Actor Ngo)> FloodWithNgoAsync()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup, AdministrativeLevel.City);
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee")))["id"]!.GetValue<Guid>();
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == id)).TransitionTo(IncidentState.Response, "Levee overtopped", DateTimeOffset.UtcNow);
        db.IncidentParticipants.Add(IncidentParticipant.Admit(id, ngo.OrganisationId, "Boat crews", null, DateTimeOffset.UtcNow));
        db.IncidentParticipants.Add(IncidentParticipant.Admit(id, Me.OrganisationId, "City command", null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return (id, ngo);
    }

    /// <summary>The page has joined its topics: the hub answered its Watch call.</summary>
    private static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.body.dataset.live === 'on'", null, new() { Timeout = 5000 });

    private static List<string> CspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        return violations;
    }
}
