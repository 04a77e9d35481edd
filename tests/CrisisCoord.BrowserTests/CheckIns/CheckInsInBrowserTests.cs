using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.CheckIns;

/// <summary>A resident calls for help from a phone; the coordinator sees the pin and makes a task of it in one click.</summary>
public sealed class CheckInsInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task A_resident_calls_for_help_from_a_phone_and_the_coordinator_makes_a_task_of_the_pin()
    {
        Guid incident;
        await using (var db = App.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            var earthquake = Incident.Report("M6.1 earthquake near Xiba Town", "Houses collapsed in the old quarter.", IncidentCategory.NaturalDisaster, Severity.II,
                "Xiba Town", 30.6893, 114.1022, now.AddHours(-2), new Reporter(Me.UserId, Me.OrganisationId));
            earthquake.TransitionTo(IncidentState.Response, "Confirmed by the seismic network", now.AddHours(-1));
            db.Incidents.Add(earthquake);
            await db.SaveChangesAsync();
            incident = earthquake.Id;
        }

        var resident = await App.CreatePrivateCitizenAsync();
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
            TimezoneId = "UTC",
            Geolocation = new Geolocation { Latitude = 30.6911f, Longitude = 114.1049f, Accuracy = 15 },
            Permissions = ["geolocation"],
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        var phone = await context.NewPageAsync();
        try
        {
            await SignInAsync(phone, resident);
            await phone.GotoAsync($"/Incidents/{incident}");
            await phone.GetByRole(AriaRole.Link, new() { Name = "Check in: I am safe or I need help" }).ClickAsync();
            await BrowserApp.AssertFitsWidthAsync(phone, $"/Incidents/{incident}/CheckIn");
            await phone.GetByRole(AriaRole.Radio, new() { Name = "I need help" }).CheckAsync();
            await phone.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();
            await Expect(phone.GetByLabel("Latitude")).ToHaveValueAsync("30.6911");
            await phone.GetByLabel("Place name").FillAsync("<img src=x onerror=alert(1)>Old Street No. 22");
            await phone.GetByLabel("Anything the coordinators should know").FillAsync("Grandmother cannot walk");
            await BrowserApp.ScreenshotAsync(phone, "check-in-phone-form");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/CheckIns/Mine$"));
            await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Your call for help is in");

            await Page.GotoAsync($"/Incidents/{incident}/CheckIns");
            var pin = Page.Locator(".check-in-pin");
            await Expect(pin).ToHaveCountAsync(1);
            await pin.ClickAsync(new() { Force = true });
            var popup = Page.Locator(".leaflet-popup-content");
            await Expect(popup).ToContainTextAsync("<img src=x onerror=alert(1)>Old Street No. 22");
            await Expect(popup.Locator("img")).ToHaveCountAsync(0);
            await BrowserApp.ScreenshotAsync(Page, "check-ins-coordinator-map");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Make a task to help Test private citizen" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Task made");
            await Expect(Page.Locator(".check-ins li").First).ToContainTextAsync("Being handled");

            await phone.GotoAsync("/CheckIns/Mine");
            await Expect(phone.Locator(".my-reports li")).ToContainTextAsync("Someone is on it");
            await BrowserApp.ScreenshotAsync(phone, "check-in-phone-handled");
        }
        finally
        {
            await context.CloseAsync();
        }

        await using var check = App.Database.CreateContext();
        var stored = await check.CheckIns.SingleAsync();
        stored.UserId.ShouldBe(resident.UserId);
        (await check.Tasks.SingleAsync(t => t.Id == stored.TaskId)).Priority.ShouldBe(TaskPriority.Urgent);
    }
}
