using System.Net.Http.Json;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Security;

/// <summary>
/// An attacker's markup in every kind of text a person can write (incident titles and descriptions, task and
/// objective titles, situation reports, log entries, organisation and person names) stays text on every
/// page and in every script that shows it. Encoding is what is tested: a Content-Security-Policy violation in
/// the console would mean markup reached the page and only the policy stopped it, so that fails too.
/// </summary>
public sealed class HostileTextInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>\"'><svg onload=\"window.__xss=3\">";

    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task Markup_written_anywhere_is_shown_as_text_everywhere()
    {
        var me = await App.ClientForAsync(Me);
        var incident = (await IncidentData.LogAsync(me, IncidentData.ValidBody("Flood " + Payload).With("description", "Water " + Payload)))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Rising " + Payload, DateTimeOffset.UtcNow);
            // The reporting organisation took part at once; its entry is written again with the hostile note.
            db.IncidentParticipants.Remove(await db.IncidentParticipants.SingleAsync(p => p.IncidentId == incident));
            await db.SaveChangesAsync();
            db.IncidentParticipants.Add(IncidentParticipant.Admit(incident, Me.OrganisationId, "Note " + Payload, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        (await me.PostAsJsonAsync($"/api/v1/incidents/{incident}/log", new { text = "Log " + Payload })).EnsureSuccessStatusCode();
        (await me.PostAsJsonAsync($"/api/v1/incidents/{incident}/sitreps", new { summary = "Sitrep " + Payload, needs = "Needs " + Payload })).EnsureSuccessStatusCode();
        (await me.PostAsJsonAsync($"/api/v1/incidents/{incident}/objectives", new { title = "Objective " + Payload, phase = "Response" })).EnsureSuccessStatusCode();
        (await me.PostAsJsonAsync($"/api/v1/incidents/{incident}/tasks", new { title = "Task " + Payload })).EnsureSuccessStatusCode();
        var organisation = await OrganisationData.StoreAsync(App.Database, "Builders " + Payload, OrganisationKind.Enterprise, AdministrativeLevel.Town, "Area " + Payload);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                "Person " + Payload, $"hostile.{Guid.NewGuid():N}@test.example", Actors.Password, organisation.Id, [Roles.AgencyStaff]);
        }

        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{Page.Url}: {message.Text}");
            }
        };
        Page.Dialog += (_, dialog) => violations.Add("dialog: " + dialog.Message);

        string[] pages =
        [
            "/", "/Incidents", $"/Incidents/{incident}", $"/Incidents/{incident}/Tasks", "/Tasks/Mine",
            "/Organisations", $"/Organisations/{organisation.Id}", "/Audit", "/Requests", "/Resources",
        ];
        foreach (var url in pages)
        {
            await Page.GotoAsync(url);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertInertAsync(url);
            var styled = await Page.EvaluateAsync<string>("() => [...document.querySelectorAll('[style]:not(#incident-map):not(#incident-map *)')].map(e => e.outerHTML.slice(0, 200)).join(' | ')");
            // (The map sets its styles from script, through the CSSOM, which the policy allows.)
            styled.ShouldBeEmpty($"{url} has elements with style attributes, which the Content-Security-Policy blocks");
        }

        // The map's tooltip and popup build their text in script.
        await Page.GotoAsync("/");
        var marker = Page.Locator("#incident-map path.incident-marker");
        await marker.HoverAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-tooltip")).ToHaveTextAsync("Flood " + Payload);
        await marker.ClickAsync(new() { Force = true });
        await Expect(Page.Locator(".leaflet-popup-content a")).ToHaveTextAsync("Flood " + Payload);
        await AssertInertAsync("/ (map)");

        // And the text is there, as text, where people read it.
        await Page.GotoAsync($"/Incidents/{incident}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Flood " + Payload);
        await Expect(Page.GetByText("Log " + Payload)).ToBeVisibleAsync();
        await Page.GotoAsync($"/Organisations/{organisation.Id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Builders " + Payload);
        await BrowserApp.ScreenshotAsync(Page, "hostile-text-organisation");

        violations.ShouldBeEmpty();
    }

    private async Task AssertInertAsync(string url)
    {
        (await Page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue($"script ran on {url}");
        (await Page.Locator("img[src=x], svg[onload], script:not([src]):not([type='application/json'])").CountAsync())
            .ShouldBe(0, $"markup was injected into {url}");
    }
}
