using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Recovery;

/// <summary>Damage and needs assessments: recorded by teams taking part, summed per area and incident, turned into requests and tasks.</summary>
public sealed class AssessmentsApiTests(CrisisCoordApp app) : AppTest(app)
{
    private static object Assessment(string place, int destroyed, int displaced, string power, params object[] needs) => new
    {
        placeName = place,
        latitude = 30.5128,
        longitude = 114.2864,
        buildingsDestroyed = destroyed,
        buildingsSevere = 2,
        buildingsModerate = 3,
        buildingsMinor = 4,
        peopleDisplaced = displaced,
        peopleInjured = 1,
        peopleMissing = 0,
        power,
        water = "Degraded",
        roads = "Working",
        telecoms = "Out",
        needs,
        notes = "<script>alert(1)</script> levee breached",
    };

    [Fact]
    public async Task Assessments_add_up_per_area_whatever_the_case_and_over_the_incident()
    {
        var incident = await InRecoveryAsync();
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, organisationId: ReporterOrganisation));

        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", Assessment("Riverside", 5, 40, "Out", new { type = "drinking-water", quantity = 100 }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", Assessment("RIVERSIDE ", 1, 10, "Degraded", new { type = "drinking-water", quantity = 50.5m }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var posted = await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", Assessment("Old Town", 0, 3, "Working"));
        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        body["notes"]!.GetValue<string>().ShouldBe("<script>alert(1)</script> levee breached");
        body["lifelines"]!["telecoms"]!.GetValue<string>().ShouldBe("Out");

        var totals = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}/assessments/totals"))!;
        var whole = totals["incident"]!;
        whole["assessments"]!.GetValue<int>().ShouldBe(3);
        whole["counts"]!["buildingsDestroyed"]!.GetValue<int>().ShouldBe(6);
        whole["counts"]!["buildingsMinor"]!.GetValue<int>().ShouldBe(12);
        whole["counts"]!["peopleDisplaced"]!.GetValue<int>().ShouldBe(53);
        whole["power"]!["out"]!.GetValue<int>().ShouldBe(1);
        whole["power"]!["degraded"]!.GetValue<int>().ShouldBe(1);
        whole["power"]!["working"]!.GetValue<int>().ShouldBe(1);
        whole["telecoms"]!["out"]!.GetValue<int>().ShouldBe(3);
        var water = whole["needs"]!.AsArray().ShouldHaveSingleItem()!;
        water["type"]!.GetValue<string>().ShouldBe("drinking-water");
        water["quantity"]!.GetValue<decimal>().ShouldBe(150.5m);
        water["requested"]!.GetValue<decimal>().ShouldBe(0m);

        var areas = totals["areas"]!.AsArray();
        areas.Count.ShouldBe(2);
        var riverside = areas.Single(a => a!["area"]!.GetValue<string>().Equals("Riverside", StringComparison.OrdinalIgnoreCase))!["totals"]!;
        riverside["assessments"]!.GetValue<int>().ShouldBe(2);
        riverside["counts"]!["peopleDisplaced"]!.GetValue<int>().ShouldBe(50);
        riverside["needs"]!.AsArray().ShouldHaveSingleItem()!["quantity"]!.GetValue<decimal>().ShouldBe(150.5m);
        var oldTown = areas.Single(a => a!["area"]!.GetValue<string>() == "Old Town")!["totals"]!;
        oldTown["counts"]!["peopleDisplaced"]!.GetValue<int>().ShouldBe(3);
        oldTown["needs"]!.AsArray().ShouldBeEmpty();

        await using var db = App.Database.CreateContext();
        (await db.TimelineEvents.CountAsync(e => e.ChainId == incident && e.Action == "RecordDamageAssessment")).ShouldBe(3);
    }

    [Fact]
    public async Task A_coordinator_turns_a_need_into_a_request_and_the_assessment_into_a_recovery_task_once_each()
    {
        var incident = await InRecoveryAsync();
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, organisationId: ReporterOrganisation));
        var recorded = (await (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments",
            Assessment("Riverside", 5, 40, "Out", new { type = "drinking-water", quantity = 100 }, new { type = "rescue-boat", quantity = 2 })))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var id = recorded["id"]!.GetValue<Guid>();
        var need = recorded["needs"]!.AsArray()[0]!["id"]!.GetValue<Guid>();
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var view = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}/assessments"))!;
        var allowed = view["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        allowed.ShouldContain("TurnNeedIntoRequest");
        allowed.ShouldContain("TurnAssessmentIntoTask");
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/needs/{need}/request", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var requested = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/needs/{need}/request", new { priority = "High" });
        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        var requestId = (await requested.Content.ReadFromJsonAsync<JsonObject>())!["needs"]!.AsArray()[0]!["requestId"]!.GetValue<Guid>();
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/needs/{need}/request", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/assessments/needs/{need}/request", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var tasked = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/{id}/task", new { });
        tasked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await tasked.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!.GetValue<Guid>();
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/{id}/task", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await using var db = App.Database.CreateContext();
        var request = await db.ResourceRequests.SingleAsync();
        request.Id.ShouldBe(requestId);
        request.IncidentId.ShouldBe(incident);
        request.Quantity.ShouldBe(100m);
        request.Priority.ShouldBe(TaskPriority.High);
        request.DeliveryPlace.ShouldBe("Riverside");
        (await db.ResourceTypes.SingleAsync(t => t.Id == request.ResourceTypeId)).Code.ShouldBe("drinking-water");
        var task = await db.Tasks.SingleAsync();
        task.Id.ShouldBe(taskId);
        task.Phase.ShouldBe(Phases.Recovery);
        task.Title.ShouldBe("Recover Riverside");
        task.Description.ShouldContain("buildings destroyed 5");
        (await db.AssessmentNeeds.CountAsync(n => n.RequestId != null)).ShouldBe(1);
        var totals = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}/assessments/totals"))!;
        totals["incident"]!["needs"]!.AsArray().Single(n => n!["type"]!.GetValue<string>() == "drinking-water")!["requested"]!.GetValue<decimal>().ShouldBe(100m);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == incident && e.Action == "TurnNeedIntoRequest")).ShouldBe(1);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == incident && e.Action == "TurnAssessmentIntoTask")).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_assessments_are_refused_by_field_and_nothing_is_written()
    {
        var incident = await InRecoveryAsync();
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, organisationId: ReporterOrganisation));

        var bad = await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", new
        {
            placeName = "",
            latitude = 91,
            buildingsDestroyed = -1,
            needs = new object[] { new { type = "unicorns", quantity = 0 }, new { type = "drinking-water", quantity = 1.234 } },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var keys = errors.Select(e => e.Key).ToList();
        keys.ShouldContain("placeName");
        keys.ShouldContain("latitude");
        keys.ShouldContain("longitude");
        keys.ShouldContain("buildingsDestroyed");
        keys.ShouldContain("buildingsSevere");
        keys.ShouldContain("power");
        keys.ShouldContain("water");
        errors.Single(e => e.Key.Equals("needs[0].type", StringComparison.OrdinalIgnoreCase)).Value![0]!.GetValue<string>().ShouldContain("'unicorns' is not in the resource catalogue", customMessage: errors.ToJsonString());
        errors.Single(e => e.Key.Equals("needs[0].quantity", StringComparison.OrdinalIgnoreCase)).Value![0]!.GetValue<string>().ShouldContain("more than zero");
        errors.Single(e => e.Key.Equals("needs[1].quantity", StringComparison.OrdinalIgnoreCase)).Value![0]!.GetValue<string>().ShouldContain("two decimals");

        var unknown = await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", new { placeName = "Riverside", power = "Sparking" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["power"].ShouldNotBeNull();

        var twice = await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments",
            Assessment("Riverside", 1, 1, "Out", new { type = "drinking-water", quantity = 1 }, new { type = "drinking-water", quantity = 2 }));
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twice.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["needs"]![0]!.GetValue<string>().ShouldContain("each resource type once");

        await using var db = App.Database.CreateContext();
        (await db.DamageAssessments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Only_those_taking_part_assess_and_only_once_the_response_is_under_way()
    {
        var incident = await LogAsync();
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, organisationId: ReporterOrganisation));
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", Assessment("Riverside", 1, 1, "Out"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await MoveAsync(incident, IncidentState.Response);
        var outsider = await App.ClientAsAsync(Roles.AgencyStaff);
        (await outsider.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", Assessment("Riverside", 1, 1, "Out"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", Assessment("Riverside", 1, 1, "Out"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await App.CreateClient().GetAsync($"/api/v1/incidents/{incident}/assessments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var db = App.Database.CreateContext();
        (await db.DamageAssessments.SingleAsync()).OrganisationId.ShouldBe(ReporterOrganisation);
    }

    private Guid ReporterOrganisation { get; set; }

    private async Task<Guid> LogAsync()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        ReporterOrganisation = staff.OrganisationId;
        return (await IncidentData.LogAsync(await App.ClientForAsync(staff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
    }

    private async Task MoveAsync(Guid incident, IncidentState to)
    {
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(to, "Moved on by the duty officer", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task<Guid> InRecoveryAsync()
    {
        var incident = await LogAsync();
        await MoveAsync(incident, IncidentState.Response);
        await MoveAsync(incident, IncidentState.Recovery);
        return incident;
    }
}
