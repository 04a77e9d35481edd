using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// The cases an outsider found open, each tried again: a village that takes no part in a city-level
/// earthquake, a civic group that takes no part, charters that withhold a right, and a private citizen.
/// Every refusal writes nothing.
/// </summary>
public sealed class ReportedHolesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_non_participant_cannot_record_progress_on_an_objective_it_cannot_see()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var city = await App.ClientForAsync(scene.Participant[Roles.AgencyStaff]);
        var etag = await ETagAsync(city, $"/api/v1/incidents/{scene.Incident}/objectives", scene.Objective);
        var events = await EventCountAsync(scene.Incident);

        var response = await SendAsync(await App.ClientForAsync(scene.Outsider[Roles.AgencyStaff]), HttpMethod.Post, $"/api/v1/objectives/{scene.Objective}/progress", new { progress = 40 }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.Database.CreateContext();
        (await db.Objectives.SingleAsync(o => o.Id == scene.Objective)).Progress.ShouldBe(0);
        (await EventCountAsync(scene.Incident)).ShouldBe(events);
        (await SendAsync(city, HttpMethod.Post, $"/api/v1/objectives/{scene.Objective}/progress", new { progress = 12 }, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_village_coordinator_cannot_regrade_a_city_level_earthquake()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var village = await App.ClientForAsync(scene.Outsider[Roles.Coordinator]);
        var etag = (await village.GetAsync($"/api/v1/incidents/{scene.Incident}")).Headers.ETag!.Tag;

        var response = await SendAsync(village, HttpMethod.Put, $"/api/v1/incidents/{scene.Incident}/severity", new { severity = "IV", reason = "Looks minor from here" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DetailAsync(response)).ShouldBe("Only coordinators of the lead organisation, of government bodies at City level or above (grade II), or of organisations taking part coordinate this incident.");
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == scene.Incident)).Severity.ShouldBe(Severity.II);
    }

    [Fact]
    public async Task Tasks_and_objectives_are_not_shown_by_id_to_those_who_may_not_see_the_incidents_detail()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var village = await App.ClientForAsync(scene.Outsider[Roles.AgencyStaff]);

        (await village.GetAsync($"/api/v1/tasks/{scene.Task}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/resource-requests/{scene.Request}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/incidents/{scene.Incident}/tasks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var pages = await PageClient.SignedInAsync(App, scene.Outsider[Roles.AgencyStaff]);
        (await pages.GetAsync($"/Objectives/{scene.Objective}/Progress")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync($"/Requests/{scene.Request}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var city = await App.ClientForAsync(scene.Participant[Roles.AgencyStaff]);
        (await city.GetAsync($"/api/v1/tasks/{scene.Task}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_organisation_answers_only_a_request_it_may_see()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var village = await App.ClientForAsync(scene.Outsider[Roles.ResourceManager]);

        var response = await village.PostAsJsonAsync($"/api/v1/resource-requests/{scene.Request}/responses", new { answer = "Decline", note = "We have none" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.Database.CreateContext();
        (await db.ResourceOffers.CountAsync(o => o.OrganisationId == scene.Village)).ShouldBe(0);
    }

    [Fact]
    public async Task Verifying_a_report_needs_the_verify_right_not_just_the_transition_right()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var report = (await IncidentData.LogAsync(await App.ClientForAsync(scene.Participant[Roles.AgencyStaff]), IncidentData.ValidBody("Smoke over the chemical park")))["id"]!.GetValue<Guid>();
        await WithholdAsync(scene.City, OrganisationKind.Government, Right.VerifyIncident);
        var coordinator = await App.ClientForAsync(scene.Participant[Roles.Coordinator]);
        var etag = (await coordinator.GetAsync($"/api/v1/incidents/{report}")).Headers.ETag!.Tag;

        var response = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{report}/transitions", new { to = "Response", reason = "Confirmed on site" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DetailAsync(response)).ShouldBe("Your organisation's charter does not grant VerifyIncident in this incident's current phase (Warning).");
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == report)).State.ShouldBe(IncidentState.Reported);
    }

    [Fact]
    public async Task The_organisation_named_as_lead_must_itself_hold_the_lead_right()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var ministry = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Government, AdministrativeLevel.Country);
        await WithholdAsync(ministry.OrganisationId, OrganisationKind.Government, Right.LeadIncident);
        var coordinator = await App.ClientForAsync(scene.Participant[Roles.Coordinator]);
        var etag = (await coordinator.GetAsync($"/api/v1/incidents/{scene.Incident}")).Headers.ETag!.Tag;

        var response = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{scene.Incident}/lead", new { organisationId = ministry.OrganisationId }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(response)).ShouldContain("charter does not grant LeadIncident");
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == scene.Incident)).LeadOrganisationId.ShouldBe(scene.City);
    }

    [Fact]
    public async Task A_civic_groups_coordinator_cannot_commit_offers_on_an_incident_it_takes_no_part_in()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var civic = await App.ClientAsAsync(Roles.Coordinator, OrganisationKind.CivicGroup);

        var response = await civic.PostAsJsonAsync($"/api/v1/offers/{scene.Offer}/commitments", new { quantity = 100 });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.Database.CreateContext();
        (await db.ResourceCommitments.CountAsync()).ShouldBe(1, "only the scene's own commitment");
    }

    [Fact]
    public async Task A_private_citizen_sees_a_groups_incident_only_once_the_group_admits_them()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var citizen = await App.ClientForAsync(scene.PrivateCitizen);

        var before = (await citizen.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}"))!;
        before["detailShown"]!.GetValue<bool>().ShouldBeFalse();
        (await citizen.GetAsync($"/api/v1/tasks/{scene.Task}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.PostAsJsonAsync($"/api/v1/organisations/{scene.Group}/membership-requests", new { note = "again" })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict, "one pending request per group");
        (await (await App.ClientForAsync(scene.GroupMember)).PostAsync($"/api/v1/organisations/{scene.Group}/membership-requests/{scene.PendingMembership}/admit", null))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a member is not the group's coordinator");

        var organiser = await App.CreateAsync(Roles.Coordinator, organisationId: scene.Group);
        var admitted = await (await App.ClientForAsync(organiser)).PostAsync($"/api/v1/organisations/{scene.Group}/membership-requests/{scene.PendingMembership}/admit", null);

        admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admitted.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Admitted");
        // The person's next sign-in carries the group.
        var member = await App.ClientForAsync(scene.PrivateCitizen with { OrganisationId = scene.Group });
        (await member.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}"))!["detailShown"]!.GetValue<bool>().ShouldBeTrue();
        (await member.GetAsync($"/api/v1/tasks/{scene.Task}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var registry = await TimelineData.EventsAsync(App.Database);
        registry.Count(e => e.Action == "AdmitMember" && e.ActorUserId == organiser.UserId).ShouldBe(1);
    }

    [Fact]
    public async Task A_private_citizen_reports_an_incident_and_sees_their_own_report()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());

        var report = await IncidentData.LogAsync(citizen, IncidentData.ValidBody("Cracks in the school wall"));
        var read = (await citizen.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{report["id"]}"))!;

        read["detailShown"]!.GetValue<bool>().ShouldBeTrue();
        read["description"]!.GetValue<string>().ShouldNotBeEmpty();
        (await citizen.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!["actsForAnOrganisation"]!.GetValue<bool>().ShouldBeFalse();
        (await citizen.PostAsJsonAsync($"/api/v1/incidents/{report["id"]}/participants/requests", new { note = "I can help" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "a private citizen acts for no organisation");
    }

    [Fact]
    public async Task An_outside_coordinator_sees_no_obligation_that_names_a_task_it_may_not_see()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var path = $"/api/v1/organisations/{scene.City}/obligations";

        var outside = (await (await App.ClientForAsync(scene.Outsider[Roles.Coordinator])).GetFromJsonAsync<JsonObject>(path))!["items"]!.AsArray();
        var inside = (await (await App.ClientForAsync(scene.Participant[Roles.Coordinator])).GetFromJsonAsync<JsonObject>(path))!["items"]!.AsArray();

        inside.ShouldContain(o => o!["subject"]!.GetValue<string>().Contains("Search block 7"));
        outside.ShouldNotContain(o => o!["incidentId"] != null && o["incidentId"]!.GetValue<Guid>() == scene.Incident);
    }

    [Fact]
    public async Task An_organisation_asked_for_resources_reports_its_own_commitment_without_taking_part()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var village = await App.ClientForAsync(scene.Outsider[Roles.ResourceManager]);
        var coordinator = await App.ClientForAsync(scene.Participant[Roles.Coordinator]);
        var (water, _) = await Resources.ResourceData.RegisterAsync(village, Resources.ResourceData.Water(300));
        (await coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{scene.Request}/addressees", new { organisationId = scene.Village })).EnsureSuccessStatusCode();
        var offer = await (await village.PostAsJsonAsync($"/api/v1/resource-requests/{scene.Request}/responses", new { answer = "Accept", resourceId = water["id"], quantity = 100 }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var commitment = await (await coordinator.PostAsJsonAsync($"/api/v1/offers/{offer!["id"]}/commitments", new { quantity = 100 })).Content.ReadFromJsonAsync<JsonObject>();

        var moved = await SendAsync(village, HttpMethod.Post, $"/api/v1/commitments/{commitment!["id"]}/status", new { status = "EnRoute" }, $"\"{commitment["version"]}\"");

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await village.GetAsync($"/api/v1/tasks/{scene.Task}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "being asked shows the request, not the incident's detail");
        var thread = (await village.GetFromJsonAsync<JsonObject>($"/api/v1/resource-requests/{scene.Request}"))!;
        thread["offers"]!.AsArray().Select(o => o!["organisationId"]!.GetValue<Guid>()).ShouldBe([scene.Village], "the city's terms are not the village's to read");
        thread["commitments"]!.AsArray().Count.ShouldBe(2, "what is committed shows whether more is needed");
        var asCity = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/resource-requests/{scene.Request}"))!;
        asCity["offers"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_required_choice_left_out_is_asked_for_not_guessed()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var coordinator = await App.ClientForAsync(scene.Participant[Roles.Coordinator]);
        var etag = (await coordinator.GetAsync($"/api/v1/incidents/{scene.Incident}")).Headers.ETag!.Tag;

        (await DetailAsync(await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{scene.Incident}/transitions", new { reason = "x" }, etag), "to"))
            .ShouldBe("Choose the state to move the incident to.");
        (await DetailAsync(await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{scene.Incident}/severity", new { reason = "x" }, etag), "severity"))
            .ShouldBe("Choose the grade, I (especially major) to IV (general).");
        (await DetailAsync(await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{scene.Incident}/transitions", new { to = "Flying", reason = "x" }, etag), "to"))
            .ShouldContain("Warning, Response, Recovery, Closed");
        (await DetailAsync(await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/commitments/{scene.Commitment}/status", new { status = "Committed" }, "\"1\""), "status"))
            .ShouldBe("'Committed' is not a status a commitment can move to; use EnRoute, Arrived or Released.");
        (await DetailAsync(await coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{scene.Request}/addressees", new { }), "organisationId"))
            .ShouldBe("Say which organisation to ask.");
        (await DetailAsync(await coordinator.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/resource-requests", new { quantity = 5 }), "type"))
            .ShouldStartWith("Say what type of resource is needed");
    }

    private async Task WithholdAsync(Guid organisation, OrganisationKind kind, Right right)
    {
        await App.BehindThePortalAsync(async () =>
        {
            await using var db = App.Database.CreateContext();
            var admin = await db.Users.Select(u => u.Id).FirstAsync();
            db.CharterEntries.Add(CharterEntry.For(kind, organisation, CharterItem.Of(right), Phases.None, "Test override", admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
    }

    private async Task<int> EventCountAsync(Guid chain) => (await TimelineData.EventsAsync(App.Database, chain)).Count;

    private static async Task<string> ETagAsync(HttpClient client, string list, Guid id)
    {
        var item = (await client.GetFromJsonAsync<JsonArray>(list))!.Single(o => o!["id"]!.GetValue<Guid>() == id)!;
        return $"\"{item["version"]}\"";
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>The problem's detail, or with <paramref name="field"/> the first message for that field.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, string? field = null)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return field is null
            ? problem["detail"]!.GetValue<string>()
            : problem["errors"]!.AsObject().Single(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value!.AsArray()[0]!.GetValue<string>();
    }
}
