using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.CheckIns;

/// <summary>Safety check-ins: posted near an incident in response, read only by their person and the incident's coordinators.</summary>
public sealed class CheckInsApiTests(CrisisCoordApp app) : AppTest(app)
{
    // 2 km from the incident IncidentData.ValidBody logs.
    private static readonly object NeedHelp = new { status = "NeedsHelp", latitude = 30.5250, longitude = 114.2990, placeName = "No. 3 Levee Road, roof", note = "Two of us on the roof; water rising." };

    [Fact]
    public async Task The_task_made_of_a_check_in_is_worded_in_the_coordinators_language_with_the_place_as_typed()
    {
        var incident = await InResponseAsync();
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var posted = await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", NeedHelp);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/check-ins/{id}/task") { Content = JsonContent.Create(new { }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var turned = await coordinator.SendAsync(request);

        turned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await turned.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!.GetValue<Guid>();
        await using var db = App.Database.CreateContext();
        var task = await db.Tasks.SingleAsync(t => t.Id == taskId);
        // Stored as the coordinator would have typed it; the citizen's place name stays as they wrote it.
        task.Title.ShouldBe("救助No. 3 Levee Road, roof的求助人员");
        task.Description.ShouldStartWith("有人报告需要救助，位置：No. 3 Levee Road, roof (");
        task.Description.ShouldContain("对方留言：Two of us on the roof; water rising.");
    }

    [Fact]
    public async Task A_citizen_checks_in_needing_help_a_coordinator_makes_a_task_of_it_and_the_citizen_sees_it_handled()
    {
        var incident = await InResponseAsync();
        var person = await App.CreatePrivateCitizenAsync();
        var citizen = await App.ClientForAsync(person);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var posted = await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", NeedHelp);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var checkIn = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = checkIn["id"]!.GetValue<Guid>();
        checkIn["status"]!.GetValue<string>().ShouldBe("NeedsHelp");
        checkIn["handled"]!.GetValue<bool>().ShouldBeFalse();
        (await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", NeedHelp)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var list = (await coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/incidents/{incident}/check-ins?status=NeedsHelp"))!;
        var row = list.ShouldHaveSingleItem()!;
        row["personName"]!.GetValue<string>().ShouldBe("Test private citizen");
        row["note"]!.GetValue<string>().ShouldBe("Two of us on the roof; water rising.");
        row["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("TurnCheckInIntoTask");

        var turned = await coordinator.PostAsJsonAsync($"/api/v1/check-ins/{id}/task", new { });
        turned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await turned.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!.GetValue<Guid>();
        (await coordinator.PostAsJsonAsync($"/api/v1/check-ins/{id}/task", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var task = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{taskId}"))!;
        task["incidentId"]!.GetValue<Guid>().ShouldBe(incident);
        task["priority"]!.GetValue<string>().ShouldBe("Urgent");
        task["title"]!.GetValue<string>().ShouldBe("Help a person at No. 3 Levee Road, roof");
        task["description"]!.GetValue<string>().ShouldContain($"/Incidents/{incident}/CheckIns#check-in-{id}");

        var mine = (await citizen.GetFromJsonAsync<JsonArray>($"/api/v1/me/check-ins?incidentId={incident}"))!.ShouldHaveSingleItem()!;
        mine["handled"]!.GetValue<bool>().ShouldBeTrue();
        mine["taskTitle"]!.GetValue<string>().ShouldBe("Help a person at No. 3 Levee Road, roof");

        var safe = await citizen.PutAsJsonAsync($"/api/v1/check-ins/{id}", new { status = "Safe", latitude = 30.5130, longitude = 114.2870, placeName = "Shelter A", note = "" });
        safe.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = App.Database.CreateContext();
        var stored = await db.CheckIns.SingleAsync();
        stored.Status.ShouldBe(Domain.CheckIns.CheckInStatus.Safe);
        stored.PlaceName.ShouldBe("Shelter A");
        stored.TaskId.ShouldBe(taskId);
        stored.UserId.ShouldBe(person.UserId);
    }

    [Fact]
    public async Task Nobody_but_the_person_and_the_incidents_coordinators_learns_of_a_check_in()
    {
        var incident = await InResponseAsync();
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var id = (await (await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", NeedHelp)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var otherCitizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var otherOrganisation = await App.ClientAsAsync(Roles.Coordinator, OrganisationKind.CivicGroup);
        // The reporting organisation takes part and sees the incident's detail, but does not coordinate it.
        var participantStaff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, organisationId: ReporterOrganisation));
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var anonymous = App.CreateClient();

        foreach (var reader in new[] { otherCitizen, otherOrganisation, participantStaff, auditor })
        {
            (await reader.GetAsync($"/api/v1/check-ins/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await reader.PutAsJsonAsync($"/api/v1/check-ins/{id}", new { status = "Safe", latitude = 30.52, longitude = 114.29 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await reader.PostAsJsonAsync($"/api/v1/check-ins/{id}/task", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await reader.GetAsync($"/api/v1/incidents/{incident}/check-ins")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await reader.GetFromJsonAsync<JsonArray>("/api/v1/me/check-ins"))!.ShouldBeEmpty();
        }

        (await anonymous.GetAsync($"/api/v1/check-ins/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/v1/incidents/{incident}/check-ins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/me/check-ins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A coordinator may read it but not change what the person said.
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        (await coordinator.GetAsync($"/api/v1/check-ins/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PutAsJsonAsync($"/api/v1/check-ins/{id}", new { status = "Safe", latitude = 30.52, longitude = 114.29 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = App.Database.CreateContext();
        (await db.CheckIns.SingleAsync()).Status.ShouldBe(Domain.CheckIns.CheckInStatus.NeedsHelp);
        (await db.Tasks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_timeline_records_the_check_in_without_where_the_person_is_or_what_they_wrote()
    {
        var incident = await InResponseAsync();
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        (await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", NeedHelp)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var db = App.Database.CreateContext();
        var recorded = await db.TimelineEvents.Where(e => e.ChainId == incident && e.Action == "PostCheckIn").SingleAsync();
        recorded.Payload.ShouldContain("NeedsHelp");
        recorded.Payload.ShouldNotContain("roof");
        recorded.Payload.ShouldNotContain("30.525");
    }

    [Fact]
    public async Task Bad_check_ins_are_refused_by_field_and_nothing_is_written()
    {
        var incident = await InResponseAsync();
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());

        var far = await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", new { status = "Safe", latitude = 39.9, longitude = 116.4 });
        far.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await far.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["latitude"]!.ToString().ShouldContain("not in or near");
        var bad = await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", new { latitude = 91, note = "a\u0000b" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["status", "latitude", "longitude", "note"], ignoreOrder: true);
        var unknown = await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", new { status = "Fine", latitude = 30.5124, longitude = 114.2861 });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["status"].ShouldNotBeNull();
        (await citizen.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/check-ins", NeedHelp)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var safe = await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", new { status = "Safe", latitude = 30.5124, longitude = 114.2861 });
        var id = (await safe.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        (await coordinator.PostAsJsonAsync($"/api/v1/check-ins/{id}/task", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await using var db = App.Database.CreateContext();
        (await db.CheckIns.CountAsync()).ShouldBe(1);
        (await db.Tasks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Check_ins_open_with_the_response_phase_and_a_point_inside_a_wide_area_counts_as_near()
    {
        var incident = await LogAsync();
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        (await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", NeedHelp)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await using (var db = App.Database.CreateContext())
        {
            var stored = await db.Incidents.SingleAsync(i => i.Id == incident);
            stored.TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
            // A wide area reaching 60 km north of the incident's point.
            stored.Correct(stored.Description, stored.PlaceName, stored.Latitude, stored.Longitude,
                [new(30.4, 114.2), new(31.1, 114.2), new(31.1, 114.4), new(30.4, 114.4), new(30.4, 114.2)], "Flood extent mapped");
            await db.SaveChangesAsync();
        }

        (await citizen.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", new { status = "Safe", latitude = 31.05, longitude = 114.3 })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private Guid ReporterOrganisation { get; set; }

    private async Task<Guid> LogAsync()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        ReporterOrganisation = staff.OrganisationId;
        return (await IncidentData.LogAsync(await App.ClientForAsync(staff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> InResponseAsync()
    {
        var incident = await LogAsync();
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Confirmed by the duty officer", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return incident;
    }
}
