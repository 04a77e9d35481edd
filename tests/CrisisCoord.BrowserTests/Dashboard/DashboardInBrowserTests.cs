using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Dashboard;

/// <summary>
/// The coordinator's home page: incidents on a map that works without tiles (clustered by the server at crisis scale,
/// single markers when zoomed in), escalations, overdue obligations, balance.
/// </summary>
public sealed class DashboardInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task The_coordinator_sees_every_open_incident_on_the_map_and_what_is_overdue_and_unbalanced()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var quake = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("M6.1 earthquake near Xiba Town")
            .With("latitude", 30.62).With("longitude", 114.05).With("severity", "I")))["id"]!.GetValue<Guid>();
        var flood = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee")
            .With("latitude", 30.5124).With("longitude", 114.2861).With("severity", "IV")))["id"]!.GetValue<Guid>();
        var builder = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var village = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Government, AdministrativeLevel.Village);
        await using (var db = App.Database.CreateContext())
        {
            var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2);
            (await db.Incidents.SingleAsync(i => i.Id == quake)).TransitionTo(IncidentState.Response, "set-up", twoHoursAgo);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(quake, builder.OrganisationId, "Excavators", null, twoHoursAgo));
            var task = IncidentTask.Create(quake, "Clear the landslide on the Liuzhuang road", "", Phases.Response, null, TaskPriority.High, null, [], null, twoHoursAgo);
            task.AssignTo(builder.OrganisationId, twoHoursAgo);
            db.Tasks.Add(task);

            // Led by a village, graded II: a city must take over.
            var river = await db.Incidents.SingleAsync(i => i.Id == flood);
            river.TransitionTo(IncidentState.Warning, "set-up", twoHoursAgo);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(flood, village.OrganisationId, "lead", null, twoHoursAgo));
            river.AssignLead(village.OrganisationId, "Liuzhuang Village Committee", OrganisationKind.Government, AdministrativeLevel.Village, new GradedResponse(new Dictionary<Severity, AdministrativeLevel>
            {
                [Severity.I] = AdministrativeLevel.Village,
                [Severity.II] = AdministrativeLevel.Village,
                [Severity.III] = AdministrativeLevel.Village,
                [Severity.IV] = AdministrativeLevel.Village,
            }));
            river.ChangeSeverity(Severity.II, "Reservoir releasing water", AdministrativeLevel.Village, GradedResponse.Default);
            await db.SaveChangesAsync();
        }

        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // Two markers, drawn without any tile server; the page says the background is missing.
        var markers = Page.Locator("#incident-map path.incident-marker");
        await Expect(markers).ToHaveCountAsync(2);
        await Expect(Page.Locator("#map-status")).ToHaveTextAsync("2 open incidents in this view.");
        await Expect(Page.Locator("#incident-map path.severity-II")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#map-tiles-note")).ToBeVisibleAsync();
        await Page.Locator("#incident-map path.severity-II").ClickAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-popup-content")).ToContainTextAsync("Qing River rising at Dongshan levee");
        await Expect(Page.Locator(".leaflet-popup-content")).ToContainTextAsync("escalation required");

        var escalations = Page.GetByRole(AriaRole.Region, new() { Name = "Escalation required" });
        await Expect(escalations).ToContainTextAsync("Qing River rising at Dongshan levee");

        var overdue = Page.GetByRole(AriaRole.Region, new() { Name = "Overdue obligations" });
        await Expect(overdue.GetByRole(AriaRole.Row).Filter(new() { HasText = "Clear the landslide on the Liuzhuang road" })).ToContainTextAsync("Overdue by 1 h");

        var balance = Page.GetByRole(AriaRole.Region, new() { Name = "Balance warnings" });
        await Expect(balance).ToContainTextAsync("Limbo: no lead organisation is named.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "2 open incidents" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(Page, "dashboard-coordinator");

        // The enterprise's own people see the task they owe, on their own dashboard.
        var builderPage = await App.NewPageAsync(390, 844);
        await SignInAsync(builderPage, builder);
        await Expect(builderPage.GetByRole(AriaRole.Region, new() { Name = "My organisation's tasks" })).ToContainTextAsync("Clear the landslide on the Liuzhuang road");
        await Expect(builderPage.GetByRole(AriaRole.Region, new() { Name = "Overdue obligations" })).ToContainTextAsync("Accept or decline the task");
        await BrowserApp.ScreenshotAsync(builderPage, "dashboard-enterprise-phone");
        await BrowserApp.AssertFitsWidthAsync(builderPage, "/");
        await builderPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_title_written_as_markup_is_shown_as_text_on_the_map()
    {
        const string Hostile = "<img src=x onerror=\"window.__injected=1\">Flood";
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        await IncidentData.LogAsync(staff, IncidentData.ValidBody(Hostile));

        await Page.GotoAsync("/");
        var marker = Page.Locator("#incident-map path.incident-marker");
        await marker.HoverAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-tooltip")).ToHaveTextAsync(Hostile);
        await marker.ClickAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-popup-content a")).ToHaveTextAsync(Hostile);

        (await Page.Locator("#incident-map img[src=x]").CountAsync()).ShouldBe(0);
        (await Page.EvaluateAsync<bool>("() => window.__injected === undefined")).ShouldBeTrue();
    }

    [Fact]
    public async Task At_two_thousand_open_incidents_the_map_shows_clusters_and_zoomed_in_single_markers()
    {
        await CrisisScale.OpenIncidentsAsync(App.Database, 2000);

        await Page.GotoAsync("/");
        var status = Page.Locator("#map-status");
        await Expect(status).ToContainTextAsync("2,000 open incidents in this view, gathered into");
        var clusters = Page.Locator("#incident-map .incident-cluster");
        (await clusters.CountAsync()).ShouldBeGreaterThan(5);
        (await Page.Locator("#incident-map path.incident-marker").CountAsync()).ShouldBeLessThan(10, "hardly anyone is alone at this zoom");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "2,000 open incidents" })).ToBeVisibleAsync();
        await Expect(Page.Locator("nav[aria-label='Pages of open incidents']")).ToContainTextAsync("25 of 2,000 open incidents");
        await BrowserApp.ScreenshotAsync(Page, "dashboard-2000-clusters");
        await MapShotAsync("dashboard-2000-clusters-map");

        // A cluster is a button with its count; choosing it zooms to its incidents; closer still, they stand alone.
        var gravest = clusters.Last;
        await Expect(gravest).ToHaveAttributeAsync("role", "button");
        (await gravest.InnerTextAsync()).ShouldMatch(@"^\d[\d,]*\s+open incidents here");
        var before = await status.TextContentAsync();
        await gravest.ClickAsync();
        await Expect(status).Not.ToHaveTextAsync(before!);
        for (var zoom = 0; zoom < 6 && await Page.Locator("#incident-map path.incident-marker").CountAsync() < 40; zoom++)
        {
            before = await status.TextContentAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Zoom in", Exact = true }).ClickAsync();
            await Expect(status).Not.ToHaveTextAsync(before!);
        }

        var singles = Page.Locator("#incident-map path.incident-marker");
        (await singles.CountAsync()).ShouldBeGreaterThanOrEqualTo(40);
        await singles.First.HoverAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-tooltip")).ToContainTextAsync(CrisisScale.Title);
        await singles.First.ClickAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-popup-content a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/Incidents/[0-9a-f-]{36}$"));
        await MapShotAsync("dashboard-2000-zoomed-in-map");
    }

    [Fact]
    public async Task An_incident_logged_elsewhere_appears_on_the_open_map_without_a_reload()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee"));
        await Page.GotoAsync("/");
        await Expect(Page.Locator("#map-status")).ToHaveTextAsync("1 open incident in this view.");
        await Page.WaitForFunctionAsync("() => document.body.dataset.live === 'on'", null, new() { Timeout = 5000 });

        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Farms flooded below the levee").With("latitude", 30.55).With("longitude", 114.35));

        await Expect(Page.Locator("#map-status")).ToHaveTextAsync("2 open incidents in this view.", new() { Timeout = 3000 });
        await Expect(Page.Locator("#incident-map path.incident-marker")).ToHaveCountAsync(2);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "2 open incidents" })).ToBeVisibleAsync();
    }

    /// <summary>The map alone, at the size it is on screen, beside the full-page screenshots.</summary>
    private Task MapShotAsync(string name) =>
        Page.Locator("#incident-map").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsDirectory, $"{name}.png") });
}
