using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Warnings;
using CrisisCoord.IntegrationTests.Features.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Warnings;

/// <summary>
/// Staff draft a flood warning on the map, a coordinator approves it, an anonymous visitor with /warnings open on a
/// phone sees it appear without reloading, and once it is cancelled it goes from that open page too.
/// </summary>
public sealed class PublicWarningInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    private const string Headline = "Flood warning: leave the east bank now";

    [Fact]
    public async Task Staff_draft_on_the_map_a_coordinator_approves_the_public_see_it_and_a_cancellation_removes_it()
    {
        var scene = await WarningScene.CreateAsync(App);
        var staff = await App.NewPageAsync();
        await SignInAsync(staff, scene.Staff);

        await staff.GotoAsync($"/Incidents/{scene.Incident}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Draft a warning" }).ClickAsync();
        await staff.GetByLabel("Headline").FillAsync(Headline);
        await staff.GetByLabel("What is happening").FillAsync("The Qing River will overtop the east levee within hours.");
        await staff.GetByLabel("What people should do").FillAsync("Go to Dongshan Middle School now; take only what you can carry.");
        await staff.GetByLabel("Urgency").SelectOptionAsync(new SelectOptionValue { Label = "Immediate" });
        await staff.GetByLabel("Certainty").SelectOptionAsync(new SelectOptionValue { Label = "Likely" });
        await staff.GetByLabel("Evacuate").CheckAsync();
        await staff.GetByLabel("Area description").FillAsync("East bank farms");
        var latitude = staff.GetByLabel("Centre latitude");
        var before = await latitude.InputValueAsync();
        // A click on the map, up and left of the incident at its centre, places the circle's centre there.
        await staff.Locator("#warning-area-map").ClickAsync(new() { Position = new() { X = 120, Y = 60 } });
        await Expect(latitude).Not.ToHaveValueAsync(before);
        await Expect(staff.Locator("#warning-area-map path.warning-area")).ToHaveCountAsync(1);
        await staff.GetByLabel("Radius (km)").FillAsync("3");
        await BrowserApp.ScreenshotAsync(staff, "warning-draft-form");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Warning drafted");
        await Expect(staff.Locator("#warning-state")).ToHaveTextAsync("Draft");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" })).ToHaveCountAsync(0);
        var warningUrl = staff.Url;

        // An anonymous visitor already has the public page open: what follows reaches it without a reload.
        var visitor = await App.NewPageAsync(width: 390, height: 844);
        await visitor.GotoAsync("/warnings");
        await Expect(visitor.GetByText("There are none at the moment.")).ToBeVisibleAsync();
        await visitor.WaitForFunctionAsync("() => document.body.dataset.live === 'on'", null, new() { Timeout = 5000 });

        var coordinator = await App.NewPageAsync();
        await SignInAsync(coordinator, scene.Coordinator);
        await coordinator.GotoAsync(warningUrl);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("approved and published");
        await Expect(coordinator.Locator("#warning-state")).ToHaveTextAsync("Published");
        await Expect(coordinator.Locator(".warning-messages")).ToContainTextAsync("Alert");

        var list = visitor.Locator("#public-warnings-list");
        await Expect(list).ToContainTextAsync(Headline, new() { Timeout = 3000 });
        await Expect(visitor.Locator("#public-warnings-map path.warning-area")).ToHaveCountAsync(1);
        (await visitor.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, "no sideways scroll at 390px");
        await Expect(list).ToContainTextAsync("Go to Dongshan Middle School now");
        await Expect(visitor.Locator("#public-warnings-map path.warning-area")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(visitor, "public-warnings-phone");

        await coordinator.GetByLabel("Reason for cancelling").FillAsync("The levee held; the water is falling.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Cancel warning" }).ClickAsync();
        await Expect(coordinator.Locator("#warning-state")).ToHaveTextAsync("Cancelled");

        await Expect(visitor.Locator("#public-warnings-list")).Not.ToContainTextAsync(Headline, new() { Timeout = 3000 });
        await Expect(visitor.GetByText("There are none at the moment.")).ToBeVisibleAsync();
        await Expect(visitor.Locator("#public-warnings-map path.warning-area")).ToHaveCountAsync(0);
        await BrowserApp.AssertFitsWidthAsync(visitor, "/warnings");

        await using var db = App.Database.CreateContext();
        var stored = await db.Warnings.SingleAsync();
        stored.State.ShouldBe(WarningState.Cancelled);
        stored.Areas.Single().Circle!.RadiusKm.ShouldBe(3);
        stored.Areas.Single().Circle!.Latitude.ShouldNotBe(30.5);
        (await db.WarningMessages.Select(m => m.MessageType).OrderBy(m => m).ToListAsync()).ShouldBe([CapMessageType.Alert, CapMessageType.Cancel]);
    }
}
