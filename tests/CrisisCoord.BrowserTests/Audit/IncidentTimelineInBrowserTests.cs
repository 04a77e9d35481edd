using CrisisCoord.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Audit;

/// <summary>Participants see an incident's own timeline on its page.</summary>
public sealed class IncidentTimelineInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Logging_an_incident_shows_the_event_on_its_page_with_who_did_it()
    {
        await Page.GotoAsync("/Incidents/New");
        await Page.GetByLabel("In a few words").FillAsync("Gas main ruptured on Riverside Road");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Accident" }).CheckAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "III · Relatively major", Exact = true }).CheckAsync();
        await Page.GetByLabel("Place name").FillAsync("Riverside Road 14");
        await Page.GetByLabel("Latitude").FillAsync("30.58");
        await Page.GetByLabel("Longitude").FillAsync("114.29");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        var timeline = Page.GetByRole(AriaRole.Region, new() { Name = "Timeline" });
        var entry = timeline.Locator(".timeline-event");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Log incident");
        await Expect(entry).ToContainTextAsync("Test AgencyStaff");
        await entry.Locator("summary").ClickAsync();
        await Expect(entry.Locator(".hash").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await BrowserApp.ScreenshotAsync(Page, "incident-timeline");
    }
}
