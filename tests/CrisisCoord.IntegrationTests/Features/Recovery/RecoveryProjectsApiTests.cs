using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Recovery;

/// <summary>Recovery projects: started by coordinators for an owner of any kind, kept up to date by the owner, feeding objectives.</summary>
public sealed class RecoveryProjectsApiTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Hostile = "<script>alert('x')</script> Rebuild the \"east\" bank & pumping station";

    private static JsonObject Project(Guid owner, Guid? objective = null) => new()
    {
        ["title"] = Hostile,
        ["ownerOrganisationId"] = owner,
        ["budgetAmount"] = 1_250_000.50m,
        ["budgetCurrency"] = "cny",
        ["objectiveId"] = objective,
        ["milestones"] = new JsonArray(
            new JsonObject { ["title"] = "Survey the damage", ["dueOn"] = "2026-12-10" },
            new JsonObject { ["title"] = "", ["dueOn"] = null },
            new JsonObject { ["title"] = "Replace the pumps", ["dueOn"] = "2027-01-15" },
            new JsonObject { ["title"] = "Hand back to the water works", ["dueOn"] = "2027-03-01" }),
    };

    [Fact]
    public async Task A_coordinator_starts_a_project_its_owner_marks_milestones_on_and_the_objective_shows_its_progress()
    {
        var s = await InRecoveryAsync();
        var objective = await ObjectiveAsync(s.Incident, Phases.Recovery);

        var started = await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", Project(s.Ngo.OrganisationId, objective));
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var project = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = project["id"]!.GetValue<Guid>();
        project["title"]!.GetValue<string>().ShouldBe(Hostile);
        project["budgetCurrency"]!.GetValue<string>().ShouldBe("CNY");
        project["budgetAmount"]!.GetValue<decimal>().ShouldBe(1_250_000.50m);
        project["percent"]!.GetValue<int>().ShouldBe(0);
        var milestones = project["milestones"]!.AsArray();
        milestones.Select(m => m!["title"]!.GetValue<string>()).ShouldBe(["Survey the damage", "Replace the pumps", "Hand back to the water works"], "the blank spare row is left out");

        foreach (var milestone in milestones.Take(2))
        {
            var marked = await s.NgoClient.PutAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones/{milestone!["id"]}", new { done = true });
            marked.StatusCode.ShouldBe(HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        }

        var read = (await s.NgoClient.GetFromJsonAsync<JsonObject>($"/api/v1/recovery-projects/{id}"))!;
        read["percent"]!.GetValue<int>().ShouldBe(67);
        read["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["ViewRecoveryProject", "EditRecoveryProject", "MarkMilestone"], ignoreOrder: true);

        var view = (await s.CoordinatorClient.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{s.Incident}/recovery-projects"))!;
        view["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("StartRecoveryProject");
        view["owners"]!.AsArray().Select(o => o!["id"]!.GetValue<Guid>()).ShouldContain(s.Ngo.OrganisationId);
        var fed = view["objectives"]!.AsArray().ShouldHaveSingleItem()!;
        fed["id"]!.GetValue<Guid>().ShouldBe(objective);
        var feeding = fed["projects"]!.AsArray().ShouldHaveSingleItem()!;
        feeding["id"]!.GetValue<Guid>().ShouldBe(id);
        feeding["percent"]!.GetValue<int>().ShouldBe(67);
        var listed = view["projects"]!.AsArray().ShouldHaveSingleItem()!;
        listed["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("EditRecoveryProject");
        listed["capabilities"]!["refused"]!["MarkMilestone"]!.GetValue<string>().ShouldContain("your own organisation");

        // Not done after all: the owner takes a mark back.
        (await s.NgoClient.PutAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones/{milestones[1]!["id"]}", new { done = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.NgoClient.GetFromJsonAsync<JsonObject>($"/api/v1/recovery-projects/{id}"))!["percent"]!.GetValue<int>().ShouldBe(33);

        await using var db = App.Database.CreateContext();
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "StartRecoveryProject")).ShouldBe(1);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "MarkMilestone")).ShouldBe(3);
        (await db.RecoveryMilestones.CountAsync(m => m.Done)).ShouldBe(1);
    }

    [Fact]
    public async Task The_owner_and_coordinators_edit_over_the_version_they_saw_and_add_milestones()
    {
        var s = await InRecoveryAsync();
        var id = (await Ok(await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", Project(s.Ngo.OrganisationId))))["id"]!.GetValue<Guid>();
        var got = await s.NgoClient.GetAsync($"/api/v1/recovery-projects/{id}");
        var etag = got.Headers.ETag!.Tag;
        var edit = new { title = "Rebuild the pumping station", budgetAmount = 2_000_000, budgetCurrency = "EUR" };

        (await s.NgoClient.PutAsJsonAsync($"/api/v1/recovery-projects/{id}", edit)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var edited = await SendAsync(s.NgoClient, HttpMethod.Put, $"/api/v1/recovery-projects/{id}", edit, etag);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await SendAsync(s.CoordinatorClient, HttpMethod.Put, $"/api/v1/recovery-projects/{id}", edit with { budgetAmount = 3 }, etag)).StatusCode
            .ShouldBe(HttpStatusCode.PreconditionFailed, "the owner changed it meanwhile");
        var added = await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones", new { title = "Commission the pumps", dueOn = "2027-04-01" });
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        (await added.Content.ReadFromJsonAsync<JsonObject>())!["milestones"]!.AsArray().Count.ShouldBe(4);

        await using var db = App.Database.CreateContext();
        var project = await db.RecoveryProjects.SingleAsync();
        project.Title.ShouldBe("Rebuild the pumping station");
        project.BudgetAmount.ShouldBe(2_000_000m);
        project.BudgetCurrency.ShouldBe("EUR");
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "EditRecoveryProject")).ShouldBe(1);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "AddMilestone")).ShouldBe(1);
    }

    [Fact]
    public async Task Only_coordinators_start_only_owners_mark_and_outsiders_do_not_find_projects()
    {
        var s = await InRecoveryAsync();
        (await s.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", Project(s.Ngo.OrganisationId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var project = await Ok(await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", Project(s.Ngo.OrganisationId)));
        var id = project["id"]!.GetValue<Guid>();
        var milestone = project["milestones"]![0]!["id"]!.GetValue<Guid>();

        (await s.CoordinatorClient.PutAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones/{milestone}", new { done = true })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "the owner marks its milestones");
        (await s.NgoClient.PutAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones/{Guid.NewGuid()}", new { done = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var outsider = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        (await outsider.GetAsync($"/api/v1/recovery-projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PutAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones/{milestone}", new { done = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/incidents/{s.Incident}/recovery-projects")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.CreateClient().GetAsync($"/api/v1/incidents/{s.Incident}/recovery-projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var db = App.Database.CreateContext();
        (await db.RecoveryMilestones.CountAsync(m => m.Done)).ShouldBe(0);
    }

    [Fact]
    public async Task A_citizens_group_taking_part_may_own_one_and_projects_wait_for_the_recovery_phase()
    {
        var s = await TaskScene.CreateAsync(App);
        var group = await App.CreateAsync(Roles.Citizen, OrganisationKind.Citizen);
        await AdmitAsync(s.Incident, group.OrganisationId);
        (await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", Project(group.OrganisationId))).StatusCode
            .ShouldBe(HttpStatusCode.Conflict, "the incident is still in response");

        await MoveAsync(s.Incident, IncidentState.Recovery);
        var project = await Ok(await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", Project(group.OrganisationId)));
        var citizens = await App.ClientForAsync(group);
        (await citizens.PutAsJsonAsync($"/api/v1/recovery-projects/{project["id"]}/milestones/{project["milestones"]![0]!["id"]}", new { done = true })).StatusCode
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_projects_are_refused_by_field_and_nothing_is_written()
    {
        var s = await InRecoveryAsync();
        var responseObjective = await ObjectiveAsync(s.Incident, Phases.Response);
        var stranger = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);

        var bad = await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", new
        {
            title = "",
            ownerOrganisationId = stranger.OrganisationId,
            budgetAmount = -1,
            budgetCurrency = "euro",
            objectiveId = responseObjective,
            milestones = new object[] { new { title = "Survey", dueOn = (string?)null } },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key.ToLowerInvariant()).ShouldBe(["title", "ownerorganisationid", "budgetamount", "budgetcurrency", "objectiveid", "milestones[0].dueon"], ignoreOrder: true);
        errors["ownerOrganisationId"]![0]!.GetValue<string>().ShouldContain("must take part in the incident");
        errors["budgetCurrency"]![0]!.GetValue<string>().ShouldContain("'euro' is not a currency code");

        await using var db = App.Database.CreateContext();
        (await db.RecoveryProjects.CountAsync()).ShouldBe(0);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "StartRecoveryProject")).ShouldBe(0);
    }

    private static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private async Task<TaskScene> InRecoveryAsync()
    {
        var s = await TaskScene.CreateAsync(App);
        await MoveAsync(s.Incident, IncidentState.Recovery);
        return s;
    }

    private async Task MoveAsync(Guid incident, IncidentState to)
    {
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(to, "Moved on by the duty officer", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task AdmitAsync(Guid incident, Guid organisation)
    {
        await using var db = App.Database.CreateContext();
        db.IncidentParticipants.Add(IncidentParticipant.Admit(incident, organisation, "set-up", null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<Guid> ObjectiveAsync(Guid incident, Phases phase)
    {
        await using var db = App.Database.CreateContext();
        var objective = Objective.Set(incident, phase, "Restore drinking water to every block", null, "", DateTimeOffset.UtcNow);
        db.Objectives.Add(objective);
        await db.SaveChangesAsync();
        return objective.Id;
    }
}
