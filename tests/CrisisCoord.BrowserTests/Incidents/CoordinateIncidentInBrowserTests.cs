using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Incidents;

/// <summary>A coordinator carries a flood from warning into response, re-grades it past the town's reach, and escalates.</summary>
public sealed class CoordinateIncidentInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task Coordinator_moves_the_flood_to_response_regrades_it_and_hands_it_to_the_city()
    {
        var town = await OrganisationData.StoreAsync(App.Database, "Dongshan Town Government", OrganisationKind.Government, AdministrativeLevel.Town, "Dongshan");
        var city = await OrganisationData.StoreAsync(App.Database, "Qinghe City Emergency Management Bureau", OrganisationKind.Government, AdministrativeLevel.City, "Qinghe");
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee").With("severity", "III")))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            var flood = await db.Incidents.SingleAsync(i => i.Id == id);
            flood.TransitionTo(IncidentState.Warning, "Gauge rising", DateTimeOffset.UtcNow);
            flood.AssignLead(town.Id, town.Name, town.Kind, town.Level, GradedResponse.Default);
            await db.SaveChangesAsync();
        }

        await Page.GotoAsync($"/Incidents/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Change state" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change state" }).ClickAsync();
        await Expect(Page.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Give a reason");
        await Page.GetByLabel("Response").CheckAsync();
        await Page.GetByLabel("Reason").FillAsync("East levee overtopped at km 12; farms flooding.");
        await BrowserApp.ScreenshotAsync(Page, "incident-transition-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change state" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The incident is now Response");
        await Expect(Page.Locator(".incident-head .state")).ToHaveTextAsync("Response");
        await Expect(Page.Locator(".facts").First).ToContainTextAsync("East levee overtopped");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Re-grade" }).ClickAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "II · Major", Exact = true }).CheckAsync();
        await Page.GetByLabel("Reason").FillAsync("Upstream reservoir releasing water.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Re-grade" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Escalation required" })).ToContainTextAsync("needs a lead at City level");
        await BrowserApp.ScreenshotAsync(Page, "incident-escalation-required");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Change the lead" }).ClickAsync();
        await Expect(Page.GetByLabel("Dongshan Town Government")).ToBeDisabledAsync();
        await Page.GetByLabel("Qinghe City Emergency Management Bureau").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Name the lead" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Qinghe City Emergency Management Bureau now leads the response");
        await Expect(Page.Locator(".escalation")).ToHaveCountAsync(0);
        var timeline = Page.GetByRole(AriaRole.Region, new() { Name = "Timeline" }).Locator(".timeline-action");
        await Expect(timeline).ToHaveTextAsync(["Set incident lead", "Set incident severity", "Transition incident", "Log incident"]);
        await BrowserApp.ScreenshotAsync(Page, "incident-coordinated");

        await using var check = App.Database.CreateContext();
        var stored = await check.Incidents.SingleAsync(i => i.Id == id);
        (stored.State, stored.Severity, stored.LeadOrganisationId, stored.EscalationRequired).ShouldBe((IncidentState.Response, Severity.II, (Guid?)city.Id, false));
    }
}
