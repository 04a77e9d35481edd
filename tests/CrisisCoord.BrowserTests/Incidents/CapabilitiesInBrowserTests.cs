using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Incidents;

/// <summary>
/// The incident page draws its buttons from what the reader may do: nothing but "Ask to join" for a village
/// that takes no part, exactly its charter for a group that does, and the detail for a private citizen only
/// once their group admits them.
/// </summary>
public sealed class CapabilitiesInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] CoordinatorActions = ["Change state", "Re-grade", "Change the lead", "Set an objective", "Request resources", "Bring in an organisation", "Waive"];

    [Fact]
    public async Task A_non_participant_sees_no_action_and_a_participant_what_its_charter_allows_in_this_phase()
    {
        var scene = await AuthorizationScene.CreateAsync(App);

        var village = await App.NewPageAsync();
        await SignInAsync(village, scene.Outsider[Roles.Coordinator]);
        await village.GotoAsync($"/Incidents/{scene.Incident}");
        await Expect(village.GetByRole(AriaRole.Heading, new() { Name = "Matrix earthquake" })).ToBeVisibleAsync();
        foreach (var action in CoordinatorActions.Concat(["Submit a report", "Post an update", "Offer resources", "Task board", "Update progress"]))
        {
            await Expect(village.GetByRole(AriaRole.Link, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        }

        await Expect(village.GetByRole(AriaRole.Link, new() { Name = "Ask to join" })).ToBeVisibleAsync();
        await Expect(village.Locator("main")).ToContainTextAsync("Only organisations taking part in this incident see its detail");
        await BrowserApp.ScreenshotAsync(village, "capabilities-non-participant");
        await village.Context.CloseAsync();

        // The citizens' group takes part in the response: it reports, shares and offers, and coordinates nothing.
        var group = await App.NewPageAsync();
        await SignInAsync(group, scene.GroupMember);
        await group.GotoAsync($"/Incidents/{scene.Incident}");
        foreach (var action in new[] { "Submit a report", "Post an update", "Offer resources", "Task board" })
        {
            await Expect(group.GetByRole(AriaRole.Link, new() { Name = action, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(group.GetByRole(AriaRole.Link, new() { Name = "Update progress: Search every collapsed building" })).ToBeVisibleAsync();
        foreach (var action in CoordinatorActions.Append("Ask to join"))
        {
            await Expect(group.GetByRole(AriaRole.Link, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        }

        await BrowserApp.ScreenshotAsync(group, "capabilities-participant");

        // An administrator withdraws the group's situation reports in the response phase: the button goes with it.
        await App.BehindThePortalAsync(async () =>
        {
            await using var db = App.Database.CreateContext();
            var admin = await db.Users.Select(u => u.Id).FirstAsync();
            db.CharterEntries.Add(CharterEntry.For(OrganisationKind.Citizen, scene.Group, CharterItem.Of(Right.SubmitSitRep), Phases.Warning | Phases.Recovery, "Test", admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        await group.ReloadAsync();
        await Expect(group.GetByRole(AriaRole.Link, new() { Name = "Post an update", Exact = true })).ToBeVisibleAsync();
        await Expect(group.GetByRole(AriaRole.Link, new() { Name = "Submit a report", Exact = true })).ToHaveCountAsync(0);
        await group.GotoAsync($"/Incidents/{scene.Incident}/SituationReport");
        await Expect(group.Locator("main")).ToContainTextAsync("does not grant SubmitSitRep in this incident's current phase");
        await group.Context.CloseAsync();
    }

    [Fact]
    public async Task A_private_citizen_sees_the_groups_incident_only_once_the_group_admits_them()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var person = await App.CreatePrivateCitizenAsync();
        var organiser = await App.CreateAsync(Roles.Coordinator, organisationId: scene.Group);

        var citizen = await App.NewPageAsync();
        await SignInAsync(citizen, person);
        await citizen.GotoAsync($"/Incidents/{scene.Incident}");
        await Expect(citizen.Locator("main")).Not.ToContainTextAsync("collapsed buildings in the old town");
        await citizen.GotoAsync($"/Organisations/{scene.Group}");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Ask to join" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(citizen.Locator("[data-valmsg-for='Input.Note']")).ToContainTextAsync("Say where you live");
        await citizen.GetByLabel("Where you live and how you can help").FillAsync("Old town, Lane 3. <b>First aid</b> trained.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("You asked to join Matrix Residents' Group");
        await Expect(citizen.GetByRole(AriaRole.Region, new() { Name = "You report as yourself" })).ToContainTextAsync("waiting for the group's answer");
        await BrowserApp.ScreenshotAsync(citizen, "private-citizen-dashboard");

        var group = await App.NewPageAsync();
        await SignInAsync(group, organiser);
        await group.GotoAsync($"/Organisations/{scene.Group}");
        var asking = group.GetByRole(AriaRole.Region, new() { Name = "Asking to join" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Lane 3" });
        await Expect(asking).ToContainTextAsync("<b>First aid</b> trained.");
        await BrowserApp.ScreenshotAsync(group, "group-membership-requests");
        await asking.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(group.GetByRole(AriaRole.Status)).ToContainTextAsync("now acts for Matrix Residents' Group");
        await group.Context.CloseAsync();

        // Signed in again, the citizen acts for the group and sees what it sees.
        await citizen.Context.CloseAsync();
        citizen = await App.NewPageAsync();
        await SignInAsync(citizen, person);
        await citizen.GotoAsync($"/Incidents/{scene.Incident}");
        await Expect(citizen.Locator("main")).ToContainTextAsync("collapsed buildings in the old town");
        await Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "Submit a report", Exact = true })).ToBeVisibleAsync();
        await citizen.Context.CloseAsync();
    }
}
