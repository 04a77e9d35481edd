using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Tasks;

/// <summary>Tasks across organisations: assigned, accepted or declined, worked, done; claimed; raced for.</summary>
public sealed class TasksApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_coordinator_gives_an_ngo_a_task_which_it_accepts_starts_and_finishes()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync();

        etag = await TaskScene.StepAsync(scene.NgoClient, task, "accept", etag);
        etag = await TaskScene.StepAsync(scene.NgoClient, task, "start", etag);
        await TaskScene.StepAsync(scene.NgoClient, task, "complete", etag);

        var done = (await scene.CoordinatorClient.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{task}"))!;
        done["state"]!.GetValue<string>().ShouldBe("Done");
        done["assignedOrganisationName"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var mine = (await scene.NgoClient.GetFromJsonAsync<JsonArray>("/api/v1/tasks/mine"))!;
        mine.Single()!["id"]!.GetValue<Guid>().ShouldBe(task);
        var actions = (await TimelineData.EventsAsync(App.Database, scene.Incident)).Select(e => e.Action).TakeLast(4);
        actions.ShouldBe(["CreateTask", "AcceptTask", "StartTask", "CompleteTask"]);
    }

    [Fact]
    public async Task A_declined_task_needs_a_reason_and_can_be_reassigned()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync();

        (await TaskScene.ActAsync(scene.NgoClient, task, "decline", etag, new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        etag = await TaskScene.StepAsync(scene.NgoClient, task, "decline", etag, new { reason = "Our boats are all on the river already" });

        var other = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        (await TaskScene.ActAsync(scene.CoordinatorClient, task, "assign", etag, new { organisationId = other.OrganisationId })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not a participant");
        await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/participants", new { organisationId = other.OrganisationId });
        await TaskScene.StepAsync(scene.CoordinatorClient, task, "assign", etag, new { organisationId = other.OrganisationId });

        var reassigned = (await scene.CoordinatorClient.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{task}"))!;
        (reassigned["state"]!.GetValue<string>(), reassigned["assignedOrganisationId"]!.GetValue<Guid>()).ShouldBe(("Assigned", other.OrganisationId));
        var events = await TimelineData.EventsAsync(App.Database, scene.Incident);
        events.Last().Payload.ShouldContain($"\"assignedOrganisationId\":{{\"from\":\"{scene.Ngo.OrganisationId}\",\"to\":\"{other.OrganisationId}\"}}");
    }

    [Fact]
    public async Task An_organisation_claims_an_open_task_and_others_cannot_answer_for_it()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync(assign: false);

        var outsider = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        (await TaskScene.ActAsync(outsider, task, "claim", etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not a participant, so it may not know the task exists");
        etag = await TaskScene.StepAsync(scene.NgoClient, task, "claim", etag);
        (await TaskScene.ActAsync(outsider, task, "start", etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TaskScene.ActAsync(scene.NgoClient, task, "complete", etag)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "it was never started");
        (await TaskScene.ActAsync(scene.NgoClient, task, "cancel", etag, new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only coordinators cancel");
        (await TaskScene.ActAsync(await App.ClientAsAsync(Roles.Auditor), task, "start", etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await TaskScene.StepAsync(scene.CoordinatorClient, task, "cancel", etag, new { reason = "Water receding" });
        var again = await TaskScene.ActAsync(scene.CoordinatorClient, task, "cancel", etag, new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("already Cancelled");
    }

    [Fact]
    public async Task Twenty_coordinators_assigning_one_task_at_once_leave_exactly_one_winner_and_one_event()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync(assign: false);
        var before = (await TimelineData.EventsAsync(App.Database, scene.Incident)).Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            TaskScene.ActAsync(scene.CoordinatorClient, task, "assign", etag, new { organisationId = scene.Ngo.OrganisationId })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.PreconditionFailed || r.StatusCode == HttpStatusCode.Conflict);
        (await TimelineData.EventsAsync(App.Database, scene.Incident)).Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task Bad_tasks_are_refused_with_the_field_named_and_nothing_is_written()
    {
        var scene = await TaskScene.CreateAsync(App);
        var path = $"/api/v1/incidents/{scene.Incident}/tasks";

        async Task<string> Refused(object body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await scene.CoordinatorClient.PostAsJsonAsync(path, body);
            response.StatusCode.ShouldBe(status);
            return await response.Content.ReadAsStringAsync();
        }

        (await Refused(new { title = "" })).ShouldContain("Say what is to be done");
        (await Refused(new { title = "Boats", dueAt = DateTimeOffset.UtcNow.AddHours(-1) })).ShouldContain("in the past");
        (await Refused(new { title = "Boats", priority = "Whenever" })).ShouldContain("priority", Case.Insensitive);
        (await Refused(new { title = "Boats", requiredResourceTypes = new[] { "hovercraft" } })).ShouldContain("not in the catalogue");
        (await Refused(new { title = "Boats", assignedOrganisationId = Guid.NewGuid() }, HttpStatusCode.Conflict)).ShouldContain("does not take part");
        (await scene.NgoClient.PostAsJsonAsync(path, new { title = "Boats" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/tasks", new { title = "Boats" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TaskScene.ActAsync(scene.NgoClient, Guid.NewGuid(), "accept", "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await scene.CoordinatorClient.GetFromJsonAsync<JsonArray>(path))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Charter_rights_on_a_task_are_those_of_its_incidents_current_phase()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync(assign: false);
        // A civic group's charter grants AssignTasks in recovery only; the incident is in response.
        var civic = await App.CreateAsync(Roles.Coordinator, OrganisationKind.CivicGroup);
        var civicCoordinator = await App.ClientForAsync(civic);
        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/participants", new { organisationId = civic.OrganisationId })).EnsureSuccessStatusCode();

        var refused = await TaskScene.ActAsync(civicCoordinator, task, "assign", etag, new { organisationId = scene.Ngo.OrganisationId });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("in this incident's current phase");
        (await TaskScene.ActAsync(scene.NgoClient, Guid.NewGuid(), "claim", etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
