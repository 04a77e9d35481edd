using System.Text.RegularExpressions;
using CrisisCoord.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Incidents;

public sealed partial class LogIncidentInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Agency_staff_log_an_incident_through_the_form_and_find_it_in_the_list()
    {
        await Page.GotoAsync("/Incidents");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Report an incident" }).ClickAsync();

        await Page.GetByLabel("In a few words").FillAsync("Landslide blocks Liuzhuang road");
        await Page.GetByLabel("What do you see?").FillAsync("Road cut at km 4; two cars trapped, occupants out.");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Natural disaster" }).CheckAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "II · Major", Exact = true }).CheckAsync();
        await Page.GetByLabel("Place name").FillAsync("Liuzhuang road km 4");
        await Page.GetByLabel("Latitude").FillAsync("30.7211");
        await Page.GetByLabel("Longitude").FillAsync("114.0688");
        await BrowserApp.ScreenshotAsync(Page, "log-incident-form-filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(DetailUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Landslide blocks Liuzhuang road");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("your report is in");
        await Expect(Page.Locator(".incident-head .severity")).ToHaveClassAsync(new Regex("severity-orange"));
        await BrowserApp.ScreenshotAsync(Page, "log-incident-detail");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Incidents" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Landslide blocks Liuzhuang road" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Reported (unverified)");
        await Expect(row).ToContainTextAsync("Natural disaster");
        await BrowserApp.ScreenshotAsync(Page, "incident-list");

        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync()).PlaceName.ShouldBe("Liuzhuang road km 4");
    }

    [Fact]
    public async Task Invalid_form_shows_messages_at_the_fields_and_keeps_what_was_typed()
    {
        await Page.GotoAsync("/Incidents/New");
        await Page.GetByLabel("In a few words").FillAsync("Bridge damaged");
        await Page.GetByLabel("Latitude").FillAsync("95");
        await Page.GetByLabel("Longitude").FillAsync("east");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/Incidents/New$"));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The report was not sent");
        await Expect(Page.Locator("[data-valmsg-for='Input.Latitude']")).ToContainTextAsync("between -90 and 90");
        await Expect(Page.Locator("[data-valmsg-for='Input.Longitude']")).ToContainTextAsync("'east' is not a valid value");
        await Expect(Page.Locator("[data-valmsg-for='Input.Category']")).ToContainTextAsync("Choose a category");
        await Expect(Page.GetByLabel("In a few words")).ToHaveValueAsync("Bridge damaged");
        await Expect(Page.GetByLabel("Latitude")).ToHaveValueAsync("95");
        await BrowserApp.ScreenshotAsync(Page, "log-incident-validation");

        await using var db = App.Database.CreateContext();
        (await db.Incidents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        await using (var db = App.Database.CreateContext())
        {
            // The widest thing a page shows is a list of long titles and place names.
            for (var i = 0; i < 3; i++)
            {
                db.Incidents.Add(CrisisCoord.Domain.Incidents.Incident.Report(
                    $"Embankment failure along the Qing River flood-diversion channel near Dongshan, section {i}",
                    "", CrisisCoord.Domain.Incidents.IncidentCategory.NaturalDisaster, CrisisCoord.Domain.Incidents.Severity.I,
                    "Dongshan Town, Qing River flood-diversion channel, embankment kilometre 12.4 east bank",
                    30.51, 114.28, DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        var phone = await App.NewPageAsync(width: 390, height: 844);
        try
        {
            await SignInAsync(phone, Me);
            var firstId = await FirstIncidentIdAsync();
            foreach (var url in new[] { "/Incidents", "/Incidents/New", $"/Incidents/{firstId}" })
            {
                await BrowserApp.AssertFitsWidthAsync(phone, url);
            }

            await BrowserApp.ScreenshotAsync(phone, "log-incident-phone");
        }
        finally
        {
            await phone.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task First_tab_reaches_the_skip_link_to_the_content()
    {
        await Page.GotoAsync("/Incidents");

        await Page.Keyboard.PressAsync("Tab");

        var focused = await Page.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        focused.ShouldBe("Skip to content");
    }

    private async Task<Guid> FirstIncidentIdAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Incidents.Select(i => i.Id).FirstAsync();
    }

    [GeneratedRegex("/Incidents/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();
}
