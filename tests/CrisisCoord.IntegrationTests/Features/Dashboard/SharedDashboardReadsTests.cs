using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Dashboard;

/// <summary>
/// An overseer's dashboard shares its heaviest reads (every organisation's obligations, every open incident's balance)
/// between readers (SharedReads, ADR 0033): a write is still seen by the very next read, and each reader still sees
/// only their own share of it.
/// </summary>
public sealed class SharedDashboardReadsTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_write_is_on_the_coordinators_dashboard_at_the_next_read_though_the_clock_stood_still()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (water, _) = await ResourceData.RegisterAsync(scene.NgoClient, ResourceData.Water());
        App.Clock.Advance(TimeSpan.FromHours(25));

        (await OverdueAsync(scene.CoordinatorClient)).ShouldContain(o => Is(o, "ConfirmInventory", water["id"]!));
        (await OverdueAsync(scene.CoordinatorClient)).ShouldContain(o => Is(o, "ConfirmInventory", water["id"]!), "read twice: the same shared read");

        (await scene.NgoClient.PostAsync($"/api/v1/resources/{water["id"]}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await OverdueAsync(scene.CoordinatorClient)).ShouldNotContain(o => Is(o, "ConfirmInventory", water["id"]!), "confirmed a moment ago");
    }

    [Fact]
    public async Task A_write_made_through_a_context_of_this_process_outside_any_command_is_seen_too()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (water, _) = await ResourceData.RegisterAsync(scene.NgoClient, ResourceData.Water());
        App.Clock.Advance(TimeSpan.FromHours(25));
        (await OverdueAsync(scene.CoordinatorClient)).ShouldContain(o => Is(o, "ConfirmInventory", water["id"]!));

        await using (var db = App.Database.CreateContext())
        {
            db.Resources.Remove(await db.Resources.SingleAsync(r => r.Id == water["id"]!.GetValue<Guid>()));
            await db.SaveChangesAsync();
        }

        (await OverdueAsync(scene.CoordinatorClient)).ShouldNotContain(o => Is(o, "ConfirmInventory", water["id"]!));
    }

    [Fact]
    public async Task Readers_sharing_the_read_each_see_only_the_balance_of_incidents_whose_detail_they_see()
    {
        var scene = await TaskScene.CreateAsync(App);
        // An unassigned task left open too long is a balance warning of the incident, part of its detail.
        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/tasks", new { title = "Sandbag the east levee", priority = "High" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var townCoordinator = await App.ClientForAsync(await App.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.Town));
        App.Clock.Advance(TimeSpan.FromHours(3));

        (await WarnedAsync(auditor)).ShouldContain(scene.Incident, "an auditor oversees every incident");
        (await WarnedAsync(scene.CoordinatorClient)).ShouldContain(scene.Incident, "a city coordinator coordinates grade II");
        (await WarnedAsync(townCoordinator)).ShouldNotContain(scene.Incident, "a town's coordinator neither leads nor takes part in it, nor coordinates grade II");
    }

    [Fact]
    public async Task An_incident_reported_after_a_shared_first_view_is_counted_and_listed_first_at_the_next_read()
    {
        var scene = await TaskScene.CreateAsync(App);
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var before = (await DashboardAsync(scene.CoordinatorClient))["summary"]!["openIncidents"]!.GetValue<int>();
        (await DashboardAsync(auditor))["summary"]!["openIncidents"]!.GetValue<int>().ShouldBe(before, "an auditor finds every incident too: the same first view");

        var gravest = await IncidentData.LogAsync(scene.CoordinatorClient, IncidentData.ValidBody("Gas main rupture at the depot").With("severity", "I"));

        foreach (var reader in new[] { scene.CoordinatorClient, auditor })
        {
            var dashboard = await DashboardAsync(reader);
            dashboard["summary"]!["openIncidents"]!.GetValue<int>().ShouldBe(before + 1);
            dashboard["openIncidents"]!["items"]![0]!["id"]!.GetValue<Guid>().ShouldBe(gravest["id"]!.GetValue<Guid>(), "grade I, the newest: first");
        }
    }

    [Fact]
    public async Task Coordinators_sharing_the_obligations_each_see_only_those_of_incidents_whose_detail_they_see()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, _) = await scene.TaskAsync();
        var townCoordinator = await App.ClientForAsync(await App.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.Town));
        App.Clock.Advance(TimeSpan.FromHours(5));

        (await OverdueAsync(scene.CoordinatorClient)).ShouldContain(o => Is(o, "AcknowledgeTask", JsonValue.Create(task)), "a city coordinator coordinates grade II");
        (await OverdueAsync(townCoordinator)).ShouldNotContain(o => Is(o, "AcknowledgeTask", JsonValue.Create(task)), "not the town's: it names the incident's task");
    }

    private static async Task<JsonObject> DashboardAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;

    private static bool Is(JsonNode? obligation, string kind, JsonNode subject) =>
        obligation!["obligation"]!.GetValue<string>() == kind && obligation["subjectId"]!.GetValue<Guid>() == subject.GetValue<Guid>();

    /// <summary>Every overdue obligation the dashboard lists, page by page.</summary>
    private static async Task<List<JsonNode?>> OverdueAsync(HttpClient client)
    {
        var all = new List<JsonNode?>();
        string? after = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/dashboard{(after is null ? "" : $"?overdueAfter={after}")}"))!["overdueObligations"]!;
            all.AddRange(page["items"]!.AsArray());
            after = page["nextCursor"]?.GetValue<string>();
        }
        while (after is not null);
        return all;
    }

    private static async Task<List<Guid>> WarnedAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!["balanceWarnings"]!["items"]!.AsArray().Select(w => w!["incidentId"]!.GetValue<Guid>())];
}
