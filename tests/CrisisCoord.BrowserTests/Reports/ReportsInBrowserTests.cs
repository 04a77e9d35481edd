using System.Text.RegularExpressions;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;
using CrisisCoord.IntegrationTests.Features.Reports;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Reports;

/// <summary>A citizen reporting from a phone, and a coordinator merging a duplicate report.</summary>
public sealed partial class ReportsInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task A_citizen_reports_from_a_phone_with_their_location_a_pin_and_a_photo()
    {
        var citizen = await App.CreatePrivateCitizenAsync();
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
            TimezoneId = "UTC",
            Geolocation = new Geolocation { Latitude = 30.73421f, Longitude = 114.05133f, Accuracy = 12 },
            Permissions = ["geolocation"],
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        var phone = await context.NewPageAsync();
        try
        {
            await SignInAsync(phone, citizen);
            await phone.GotoAsync("/Incidents/New");
            await BrowserApp.AssertFitsWidthAsync(phone, "/Incidents/New");

            await phone.GetByRole(AriaRole.Radio, new() { Name = "Natural disaster" }).CheckAsync();
            await phone.GetByLabel("In a few words").FillAsync("Cracks in the reservoir dam");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();
            await Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your location is on the map" })).ToBeVisibleAsync();
            await Expect(phone.GetByLabel("Latitude")).ToHaveValueAsync("30.73421");
            await Expect(phone.GetByLabel("Longitude")).ToHaveValueAsync("114.05133");
            await Expect(phone.Locator(".report-pin")).ToHaveCountAsync(1);

            // A tap beside the pin moves it there: the coordinates follow the map.
            var map = phone.Locator("#report-map");
            var box = (await map.BoundingBoxAsync())!;
            await phone.Mouse.ClickAsync(box.X + (box.Width / 2) + 40, box.Y + (box.Height / 2) + 30);
            await Expect(phone.GetByLabel("Latitude")).Not.ToHaveValueAsync("30.73421");
            var latitude = double.Parse(await phone.GetByLabel("Latitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
            latitude.ShouldBeInRange(30.70, 30.7342, "a tap below the pin is a little further south");

            await phone.GetByLabel("Place name").FillAsync("Liuzhuang Village reservoir");
            await phone.GetByLabel(new Regex("^Photos")).SetInputFilesAsync(new FilePayload { Name = "IMG_0042.jpg", MimeType = "image/jpeg", Buffer = PhotoSamples.JpegWithLocation() });
            await phone.GetByLabel("Call-back number").FillAsync("+86 139 0000 4321");
            await BrowserApp.ScreenshotAsync(phone, "report-phone-form");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

            await Expect(phone).ToHaveURLAsync(DetailUrl());
            await Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Thank you" })).ToContainTextAsync("with 1 photo");
            var photo = phone.GetByRole(AriaRole.Img, new() { Name = "Photo 1 of the report by Test private citizen" });
            await Expect(photo).ToBeVisibleAsync();
            // The stored picture decodes: the browser drew it.
            await phone.WaitForFunctionAsync("() => document.querySelector('.report-photos img').complete");
            (await photo.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(24, "32 × 24, turned upright by the orientation the stripper kept");
            await Expect(phone.Locator(".incident-head")).ToContainTextAsync("Reported (unverified)");
            await BrowserApp.ScreenshotAsync(phone, "report-phone-sent");

            await phone.GotoAsync("/Reports/Mine");
            await Expect(phone.Locator(".my-reports li")).ToContainTextAsync("Waiting to be checked");
            await BrowserApp.AssertFitsWidthAsync(phone, "/Reports/Mine");
            await BrowserApp.ScreenshotAsync(phone, "report-phone-my-reports");
        }
        finally
        {
            await context.CloseAsync();
        }

        await using var db = App.Database.CreateContext();
        var incident = await db.Incidents.SingleAsync();
        incident.AwaitingGrade.ShouldBeTrue();
        incident.Latitude.ShouldBeLessThan(30.7342);
        (await db.IncidentReports.SingleAsync()).CallbackNumber.ShouldBe("+8613900004321");
        var stored = await db.ReportPhotos.SingleAsync();
        PhotoSamples.Contains(stored.Content, PhotoSamples.GpsLatitudeBytes).ShouldBeFalse("the photo's position was taken out");
    }

    [Fact]
    public async Task A_coordinator_merges_a_duplicate_and_its_report_moves_across()
    {
        var citizen = await App.CreatePrivateCitizenAsync();
        Guid kept, duplicate;
        await using (var db = App.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            var earthquake = Incident.Report("M6.1 earthquake near Xiba Town", "Houses collapsed in the old quarter.", IncidentCategory.NaturalDisaster, Severity.II,
                "Xiba Town", 30.6893, 114.1022, now.AddHours(-2), new Reporter(Me.UserId, Me.OrganisationId));
            earthquake.TransitionTo(IncidentState.Response, "Confirmed by the seismic network", now.AddHours(-1));
            var report = Incident.Report("Houses fell down in the old quarter", "Three houses on Old Street.", IncidentCategory.NaturalDisaster, null,
                "Xiba old quarter", 30.69, 114.10, now.AddMinutes(-30), new Reporter(citizen.UserId, null));
            db.Incidents.AddRange(earthquake, report);
            db.IncidentReports.Add(IncidentReport.File(report.Id, citizen.UserId, null, "138 0000 5678", false, now.AddMinutes(-30)));
            await db.SaveChangesAsync();
            (kept, duplicate) = (earthquake.Id, report.Id);
        }

        await Page.GotoAsync($"/Incidents/{duplicate}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Merge a duplicate" }).ClickAsync();
        await Page.GetByLabel("The incident it duplicates").SelectOptionAsync(new SelectOptionValue { Value = kept.ToString() });
        await Page.GetByLabel("Reason").FillAsync("The same collapse, reported by a resident");
        await BrowserApp.ScreenshotAsync(Page, "merge-duplicate-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/Incidents/{kept}$"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Merged into M6.1 earthquake near Xiba Town");
        var related = Page.GetByRole(AriaRole.Region, new() { Name = "Related incidents" });
        await Expect(related).ToContainTextAsync("Merged into this one");
        await Expect(related.GetByRole(AriaRole.Link, new() { Name = "Houses fell down in the old quarter" })).ToBeVisibleAsync();
        var reports = Page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Reports") });
        await Expect(reports).ToContainTextAsync("Test private citizen");
        await Expect(reports).ToContainTextAsync("Came with the duplicate");
        await Expect(reports).ToContainTextAsync("13800005678");
        await BrowserApp.ScreenshotAsync(Page, "merge-duplicate-kept");

        await related.GetByRole(AriaRole.Link, new() { Name = "Houses fell down in the old quarter" }).ClickAsync();
        await Expect(Page.Locator(".incident-head")).ToContainTextAsync("Merged (a duplicate)");
        await Expect(Page.GetByRole(AriaRole.Note)).ToContainTextAsync("This incident was merged into M6.1 earthquake near Xiba Town");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Merge a duplicate" })).ToHaveCountAsync(0);

        await using var check = App.Database.CreateContext();
        (await check.Incidents.SingleAsync(i => i.Id == duplicate)).MergedIntoIncidentId.ShouldBe(kept);
        (await check.TimelineEvents.CountAsync(e => e.Action == "MergeIncident" && (e.ChainId == kept || e.ChainId == duplicate))).ShouldBe(2);
    }

    [GeneratedRegex("/Incidents/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();
}
