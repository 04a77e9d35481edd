using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Incidents;

/// <summary>An NGO asks to join an incident in the browser; a coordinator admits it from the incident page.</summary>
public sealed class JoinIncidentInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.ResourceManager;

    protected override OrganisationKind Kind => OrganisationKind.CivicGroup;

    [Fact]
    public async Task An_ngo_asks_to_join_and_the_coordinator_admits_it()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("M6.1 earthquake near Xiba Town")))["id"]!.GetValue<Guid>();

        await Page.GotoAsync($"/Incidents/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ask to join" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(Page.Locator("[data-valmsg-for='Input.Note']")).ToContainTextAsync("Say what your organisation offers");
        await Page.GetByLabel("What you offer").FillAsync("Six rescue boats with crews at the east bank within the hour.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("asked to join");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ask to join" })).ToHaveCountAsync(0);

        var coordinatorPage = await App.NewPageAsync();
        await SignInAsync(coordinatorPage, await App.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City));
        await coordinatorPage.GotoAsync($"/Incidents/{id}");
        // The reporting organisation takes part already; the NGO's is the entry that offers boats.
        var request = coordinatorPage.GetByRole(AriaRole.Region, new() { Name = "Taking part" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Six rescue boats" });
        await Expect(request).ToContainTextAsync("asked to join");
        await Expect(request).ToContainTextAsync("Six rescue boats");
        await BrowserApp.ScreenshotAsync(coordinatorPage, "incident-join-request");
        await request.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();

        await Expect(coordinatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("now takes part in the incident");
        await Expect(request).Not.ToContainTextAsync("asked to join");
        await coordinatorPage.Context.CloseAsync();

        await using var db = App.Database.CreateContext();
        (await db.IncidentParticipants.CountAsync()).ShouldBe(2, "the reporting organisation and the NGO");
        (await db.IncidentParticipants.ToListAsync()).ShouldAllBe(p => p.Status == ParticipationStatus.Admitted);
    }
}
