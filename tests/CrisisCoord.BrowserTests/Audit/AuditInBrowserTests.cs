using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.AuditTool;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Audit;

/// <summary>The "done when": an auditor filters an incident's timeline, exports it, verifies it, and sees tampering named.</summary>
public sealed class AuditInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Auditor;

    [Fact]
    public async Task Auditor_filters_exports_and_verifies_an_incident_timeline_and_sees_a_tampered_event_named()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var quake = await IncidentData.LogAsync(staff, IncidentData.ValidBody("M6.1 earthquake near Xiba Town"));
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee"));
        var chain = quake["id"]!.GetValue<string>();

        await Page.GotoAsync("/Audit");
        await Page.GetByLabel("Incident").SelectOptionAsync(new SelectOptionValue { Label = "M6.1 earthquake near Xiba Town" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var events = Page.Locator(".timeline-event");
        await Expect(events).ToHaveCountAsync(1);
        await Expect(events.First).ToContainTextAsync("Log incident");
        await Expect(events.First).ToContainTextAsync("M6.1 earthquake near Xiba Town");
        await events.First.Locator("summary").ClickAsync();
        await Expect(events.First.Locator(".payload")).ToContainTextAsync("\"title\": \"M6.1 earthquake near Xiba Town\"");
        await BrowserApp.ScreenshotAsync(Page, "audit-timeline-filtered");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        csv.Length.ShouldBe(2, "a header and the one event of the filtered incident");
        csv[0].ShouldStartWith("occurred_at_utc,chain,");
        csv[1].ShouldContain(chain);
        csv[1].ShouldNotContain("Qing River rising");

        await Page.GotoAsync("/Audit/Chains");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign checkpoints now" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Signed 3 new checkpoints");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "M6.1 earthquake" }).GetByRole(AriaRole.Link, new() { Name = "Verify" }).ClickAsync();
        await Expect(Page.Locator(".verdict")).ToContainTextAsync("Chain intact");
        await Expect(Page.Locator(".verdict")).ToContainTextAsync("agrees with 1 signed checkpoint");
        await BrowserApp.ScreenshotAsync(Page, "audit-verify-ok");

        // Someone with the database's superuser rights edits the record behind the portal's back.
        await App.Database.ExecuteAsync(
            $"SET session_replication_role = replica; UPDATE timeline_events SET payload = replace(payload, 'M6.1', 'M4.0') WHERE chain_id = '{chain}' AND sequence = 1");

        await Page.ReloadAsync();
        var verdict = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Broken at event #1" });
        await Expect(verdict).ToContainTextAsync("Altered: event #1");
        await Expect(verdict.Locator(".timeline-event")).ToContainTextAsync("Log incident");
        await BrowserApp.ScreenshotAsync(Page, "audit-verify-broken");
    }

    [Fact]
    public async Task Auditor_sees_the_heads_witnessed_outside_the_portal_on_the_chains_and_verify_pages()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Qing River rising at Dongshan levee"));
        var (code, output) = await TimelineData.WitnessAsync(App.Database);
        code.ShouldBe(AuditCli.Intact, output);
        var keyId = (await TimelineData.WitnessesAsync(App.Database))[0].KeyId;

        await Page.GotoAsync("/Audit/Chains");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Qing River rising" });
        await Expect(row.Locator("td.witnessed")).ToContainTextAsync("#1");
        await Expect(row.Locator("td.witnessed")).ToContainTextAsync(keyId);
        await BrowserApp.ScreenshotAsync(Page, "audit-chains-witnessed");
        await row.GetByRole(AriaRole.Link, new() { Name = "Verify" }).ClickAsync();

        var witness = Page.GetByRole(AriaRole.Region, new() { Name = "Witnessed by an auditor" });
        await Expect(witness).ToContainTextAsync("Intact");
        await Expect(witness).ToContainTextAsync(keyId);
        await Expect(Page.Locator(".verdict")).ToContainTextAsync("agrees with 1 checkpoint witnessed by an auditor");
        await BrowserApp.ScreenshotAsync(Page, "audit-verify-witnessed");
    }

    [Fact]
    public async Task A_bad_checkpoint_is_reported_beside_the_box_and_what_was_pasted_is_kept()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var chain = (await IncidentData.LogAsync(staff, IncidentData.ValidBody()))["id"]!.GetValue<string>();
        var pasted = new JsonObject { ["chain"] = chain, ["sequence"] = 1, ["hash"] = "not-hex", ["takenAt"] = "2026-11-23T10:00:00Z", ["keyId"] = "x", ["algorithm"] = "ES256", ["signature"] = "AA==" }.ToJsonString();

        await Page.GotoAsync($"/Audit/Verify?chain={chain}");
        await Page.GetByLabel("Checkpoint (JSON)").FillAsync(pasted);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify against this checkpoint" }).ClickAsync();

        await Expect(Page.Locator("[data-valmsg-for='CheckpointJson']")).ToContainTextAsync("64 hexadecimal digits");
        await Expect(Page.GetByLabel("Checkpoint (JSON)")).ToHaveValueAsync(pasted);
        await Expect(Page.Locator(".verdict")).ToContainTextAsync("Chain intact");
    }
}
