using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Obligations;

/// <summary>Obligations computed from the data under each charter, their breaches recorded once, and the dashboard built on them.</summary>
public sealed class ObligationsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_unacknowledged_task_becomes_overdue_past_its_bound_and_its_breach_is_recorded_once_on_the_incident_chain()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync();
        var auditor = await App.ClientAsAsync(Roles.Auditor); // signed in before the clock moves on: tokens carry real times

        var due = Single(await ObligationsAsync(scene.CoordinatorClient, scene.Incident), "AcknowledgeTask");
        due["organisationId"]!.GetValue<Guid>().ShouldBe(scene.Ngo.OrganisationId);
        due["subjectId"]!.GetValue<Guid>().ShouldBe(task);
        due["overdue"]!.GetValue<bool>().ShouldBeFalse();
        due["bound"]!.GetValue<string>().ShouldBe("30 min in response, 4 h otherwise");
        (await RecordBreachesAsync()).ShouldBe(0, "nothing is late yet");

        App.Clock.Advance(TimeSpan.FromMinutes(45));
        var late = Single(await ObligationsAsync(scene.CoordinatorClient, scene.Incident), "AcknowledgeTask");
        late["overdue"]!.GetValue<bool>().ShouldBeTrue();
        late["overdueMinutes"]!.GetValue<int>().ShouldBeInRange(14, 16);
        late["breachRecordedAt"].ShouldBeNull();

        (await RecordBreachesAsync()).ShouldBe(1);
        (await RecordBreachesAsync()).ShouldBe(0, "a breach is recorded once however often the watch looks");
        Single(await ObligationsAsync(scene.CoordinatorClient, scene.Incident), "AcknowledgeTask")["breachRecordedAt"].ShouldNotBeNull();

        var events = await TimelineData.EventsAsync(App.Database, scene.Incident);
        var recorded = events.Single(e => e.Action == BreachWatch.Action);
        recorded.EntityType.ShouldBe(nameof(ObligationBreach));
        recorded.ActorUserId.ShouldBeNull("the system noticed the breach; no person acted");
        recorded.Payload.ShouldContain(task.ToString());
        (await TimelineData.VerifyAsync(auditor, scene.Incident.ToString()))["ok"]!.GetValue<bool>().ShouldBeTrue();

        // Meeting the obligation late ends it; the breach stays on the record.
        await TaskScene.StepAsync(scene.NgoClient, task, "accept", etag);
        (await ObligationsAsync(scene.CoordinatorClient, scene.Incident)).ShouldNotContain(o => o!["obligation"]!.GetValue<string>() == "AcknowledgeTask");
        await using var db = App.Database.CreateContext();
        (await db.ObligationBreaches.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_obligation_the_organisations_charter_does_not_hold_in_the_phase_is_not_owed()
    {
        var scene = await TaskScene.CreateAsync(App);
        await scene.TaskAsync();
        await using (var db = App.Database.CreateContext())
        {
            db.CharterEntries.Add(CharterEntry.For(
                OrganisationKind.CivicGroup, scene.Ngo.OrganisationId, CharterItem.Of(Obligation.AcknowledgeTask), Phases.Warning, "", scene.Coordinator.UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        App.Clock.Advance(TimeSpan.FromHours(1));
        (await ObligationsAsync(scene.CoordinatorClient, scene.Incident)).ShouldNotContain(o => o!["obligation"]!.GetValue<string>() == "AcknowledgeTask");
        (await RecordBreachesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Participants_owe_a_situation_report_every_12_hours_of_a_response_and_the_lead_every_6_and_objectives_within_2()
    {
        var scene = await TaskScene.CreateAsync(App);
        await using (var db = App.Database.CreateContext())
        {
            var incident = await db.Incidents.SingleAsync(i => i.Id == scene.Incident);
            incident.AssignLead(scene.Coordinator.OrganisationId, "City bureau", OrganisationKind.Government, AdministrativeLevel.City, GradedResponse.Default);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(scene.Incident, scene.Coordinator.OrganisationId, "lead", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        App.Clock.Advance(TimeSpan.FromHours(7));
        var obligations = await ObligationsAsync(scene.CoordinatorClient, scene.Incident);
        Owed(obligations, "SetObjectives", scene.Coordinator.OrganisationId)["overdue"]!.GetValue<bool>().ShouldBeTrue();
        Owed(obligations, "SubmitSitRep", scene.Coordinator.OrganisationId)["overdue"]!.GetValue<bool>().ShouldBeTrue("the lead reports every 6 hours");
        Owed(obligations, "SubmitSitRep", scene.Ngo.OrganisationId)["overdue"]!.GetValue<bool>().ShouldBeFalse("others every 12");

        App.Clock.Advance(TimeSpan.FromHours(6));
        Owed(await ObligationsAsync(scene.CoordinatorClient, scene.Incident), "SubmitSitRep", scene.Ngo.OrganisationId)["overdue"]!.GetValue<bool>().ShouldBeTrue();

        (await scene.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/sitreps", new { summary = "Shelter open, 200 people" })).EnsureSuccessStatusCode();
        var after = Owed(await ObligationsAsync(scene.CoordinatorClient, scene.Incident), "SubmitSitRep", scene.Ngo.OrganisationId);
        after["overdue"]!.GetValue<bool>().ShouldBeFalse("the report resets the clock");
        after["dueAt"]!.GetValue<DateTimeOffset>().ShouldBe(App.Clock.GetUtcNow().AddHours(12), TimeSpan.FromSeconds(1));

        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/objectives", new { title = "Evacuate the farms", target = 300, unit = "people" })).EnsureSuccessStatusCode();
        (await ObligationsAsync(scene.CoordinatorClient, scene.Incident)).ShouldNotContain(o => o!["obligation"]!.GetValue<string>() == "SetObjectives");
    }

    [Fact]
    public async Task Inventory_not_reconfirmed_for_24_hours_of_a_response_is_owed_by_its_organisation_and_its_breach_goes_on_the_registry()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (water, _) = await ResourceData.RegisterAsync(scene.NgoClient, ResourceData.Water());

        var own = (await scene.NgoClient.GetFromJsonAsync<JsonObject>($"/api/v1/organisations/{scene.Ngo.OrganisationId}/obligations"))!["items"]!.AsArray();
        Owed(own, "ConfirmInventory", scene.Ngo.OrganisationId)["subjectId"]!.GetValue<Guid>().ShouldBe(water["id"]!.GetValue<Guid>());
        (await ObligationsAsync(scene.CoordinatorClient, scene.Incident)).ShouldNotContain(o => o!["obligation"]!.GetValue<string>() == "ConfirmInventory", "inventory is the organisation's, not one incident's");

        App.Clock.Advance(TimeSpan.FromHours(25));
        (await RecordBreachesAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var registry = await TimelineData.EventsAsync(App.Database, TimelineChains.Registry);
        registry.Single(e => e.Action == BreachWatch.Action).Payload.ShouldContain(water["id"]!.GetValue<Guid>().ToString());
    }

    [Fact]
    public async Task An_organisation_asked_to_answer_a_request_owes_an_answer_within_4_hours_and_answering_ends_it()
    {
        var s = await RequestScene.CreateAsync(App);
        var request = await s.RaiseAsync(300);
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/addressees", new { organisationId = s.Scene.Ngo.OrganisationId })).EnsureSuccessStatusCode();

        var owed = Owed(await ObligationsAsync(s.Coordinator, s.Incident), "AnswerResourceRequest", s.Scene.Ngo.OrganisationId);
        owed["subject"]!.GetValue<string>().ShouldBe("Answer the request for 300 litres of drinking water");
        owed["subjectId"]!.GetValue<Guid>().ShouldBe(request);
        App.Clock.Advance(TimeSpan.FromHours(4).Add(TimeSpan.FromMinutes(5)));
        Owed(await ObligationsAsync(s.Coordinator, s.Incident), "AnswerResourceRequest", s.Scene.Ngo.OrganisationId)["overdue"]!.GetValue<bool>().ShouldBeTrue();
        App.Clock.Reset();

        (await s.Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses", new { answer = "Decline", note = "All our water is at the flood" })).EnsureSuccessStatusCode();
        (await ObligationsAsync(s.Coordinator, s.Incident)).ShouldNotContain(o => o!["obligation"]!.GetValue<string>() == "AnswerResourceRequest");
    }

    [Fact]
    public async Task Obligations_are_shown_to_participants_coordinators_and_auditors_and_refused_to_others()
    {
        var scene = await TaskScene.CreateAsync(App);
        var outsider = await App.ClientAsAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);

        (await scene.NgoClient.GetAsync($"/api/v1/incidents/{scene.Incident}/obligations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await App.ClientAsAsync(Roles.Auditor)).GetAsync($"/api/v1/incidents/{scene.Incident}/obligations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await outsider.GetAsync($"/api/v1/incidents/{scene.Incident}/obligations");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("taking part");
        (await outsider.GetAsync($"/api/v1/incidents/{scene.Incident}/sitreps")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "situation reports are detail too");
        (await outsider.GetAsync($"/api/v1/incidents/{scene.Incident}/tasks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.CoordinatorClient.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}/obligations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await outsider.GetAsync($"/api/v1/organisations/{scene.Ngo.OrganisationId}/obligations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.CoordinatorClient.GetAsync($"/api/v1/organisations/{scene.Ngo.OrganisationId}/obligations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scene.CoordinatorClient.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}/obligations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_dashboard_shows_open_incidents_escalations_overdue_obligations_balance_warnings_and_my_tasks_from_the_data()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, _) = await scene.TaskAsync();
        var outsiderClient = await App.ClientAsAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var closed = (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody("False alarm at the station")))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == closed)).TransitionTo(IncidentState.Dismissed, "duplicate", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        App.Clock.Advance(TimeSpan.FromHours(2));
        var dashboard = (await scene.CoordinatorClient.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;
        dashboard["allOrganisations"]!.GetValue<bool>().ShouldBeTrue();
        var open = dashboard["openIncidents"]!["items"]!.AsArray();
        open.Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([scene.Incident], "dismissed incidents are not open");
        dashboard["summary"]!["openIncidents"]!.GetValue<int>().ShouldBe(1);
        dashboard["summary"]!["byState"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Response")!["count"]!.GetValue<int>().ShouldBe(1);
        dashboard["overdueObligations"]!["items"]!.AsArray().ShouldContain(o => o!["obligation"]!.GetValue<string>() == "AcknowledgeTask" && o["overdueMinutes"]!.GetValue<int>() >= 89);
        dashboard["summary"]!["overdueObligations"]!.GetValue<int>().ShouldBe(dashboard["overdueObligations"]!["total"]!.GetValue<int>());
        var warnings = dashboard["balanceWarnings"]!["items"]!.AsArray();
        warnings.Single()!["incidentId"]!.GetValue<Guid>().ShouldBe(scene.Incident);
        warnings.Single()!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain("Limbo: no lead organisation is named.");
        dashboard["myTasks"]!.AsArray().ShouldBeEmpty("the coordinator's organisation has no tasks");

        var ngo = (await scene.NgoClient.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;
        ngo["allOrganisations"]!.GetValue<bool>().ShouldBeFalse();
        ngo["myTasks"]!.AsArray().Single()!["id"]!.GetValue<Guid>().ShouldBe(task);
        ngo["summary"]!["myTasks"]!.GetValue<int>().ShouldBe(1);
        ngo["overdueObligations"]!["items"]!.AsArray().ShouldAllBe(o => o!["organisationId"]!.GetValue<Guid>() == scene.Ngo.OrganisationId);

        var outsider = (await outsiderClient.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;
        var summary = outsider["openIncidents"]!["items"]!.AsArray().Single()!.AsObject();
        summary["id"]!.GetValue<Guid>().ShouldBe(scene.Incident, "an incident's public summary is listed for everyone signed in");
        summary.ContainsKey("description").ShouldBeFalse("the dashboard lists the public summary only");
        outsider["balanceWarnings"]!["items"]!.AsArray().ShouldBeEmpty("warnings belong to incidents the reader takes part in");
        outsider["summary"]!["balanceWarnings"]!.GetValue<int>().ShouldBe(0);
    }

    private static JsonObject Single(JsonArray obligations, string obligation) =>
        obligations.Single(o => o!["obligation"]!.GetValue<string>() == obligation)!.AsObject();

    private static JsonObject Owed(JsonArray obligations, string obligation, Guid organisation) =>
        obligations.Single(o => o!["obligation"]!.GetValue<string>() == obligation && o["organisationId"]!.GetValue<Guid>() == organisation)!.AsObject();

    private static async Task<JsonArray> ObligationsAsync(HttpClient client, Guid incident) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}/obligations"))!["items"]!.AsArray();

    /// <summary>One round of the breach watch, as the background service runs it.</summary>
    private async Task<int> RecordBreachesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await BreachWatch.RecordNewAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<TimelineRecorder>(),
            scope.ServiceProvider.GetRequiredService<Notifier>(),
            scope.ServiceProvider.GetRequiredService<ObligationRules>(),
            App.Clock.GetUtcNow(),
            CancellationToken.None);
    }
}
