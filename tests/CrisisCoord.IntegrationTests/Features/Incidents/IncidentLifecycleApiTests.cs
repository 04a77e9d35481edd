using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Features.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

/// <summary>Carrying an incident through its states, re-grading it and naming its lead, over the API.</summary>
public sealed class IncidentLifecycleApiTests(CrisisCoordApp app) : AppTest(app)
{
    private static readonly Dictionary<IncidentState, IncidentState[]> PathTo = new()
    {
        [IncidentState.Reported] = [],
        [IncidentState.Warning] = [IncidentState.Warning],
        [IncidentState.Response] = [IncidentState.Response],
        [IncidentState.Recovery] = [IncidentState.Response, IncidentState.Recovery],
        [IncidentState.Closed] = [IncidentState.Response, IncidentState.Recovery, IncidentState.Closed],
        [IncidentState.Dismissed] = [IncidentState.Dismissed],
        [IncidentState.Merged] = [],
    };

    public static TheoryData<IncidentState, IncidentState> Allowed => Pairs(IncidentStateMachine.CanTransition);

    public static TheoryData<IncidentState, IncidentState> Refused => Pairs((from, to) => !IncidentStateMachine.CanTransition(from, to));

    private static TheoryData<IncidentState, IncidentState> Pairs(Func<IncidentState, IncidentState, bool> include)
    {
        var data = new TheoryData<IncidentState, IncidentState>();
        foreach (var from in Enum.GetValues<IncidentState>())
        {
            foreach (var to in Enum.GetValues<IncidentState>().Where(to => include(from, to)))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task A_coordinator_moves_an_incident_along_each_allowed_transition_with_a_reason(IncidentState from, IncidentState to)
    {
        var (id, etag) = await IncidentInAsync(from);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var response = await Send(coordinator, HttpMethod.Post, $"/api/v1/incidents/{id}/transitions", new { to = to.ToString(), reason = "Checked on site by the duty officer" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["state"]!.GetValue<string>().ShouldBe(to.ToString());
        body["stateReason"]!.GetValue<string>().ShouldBe("Checked on site by the duty officer");
        response.Headers.ETag!.Tag.ShouldNotBe(etag);
        var recorded = (await TimelineData.EventsAsync(App.Database, id)).Last();
        recorded.Action.ShouldBe("TransitionIncident");
        recorded.Payload.ShouldContain($"\"state\":{{\"from\":\"{from}\",\"to\":\"{to}\"}}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_transition_out_of_order_is_409_and_changes_nothing(IncidentState from, IncidentState to)
    {
        var (id, etag) = await IncidentInAsync(from);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var events = (await TimelineData.EventsAsync(App.Database, id)).Count;

        var response = await Send(coordinator, HttpMethod.Post, $"/api/v1/incidents/{id}/transitions", new { to = to.ToString(), reason = "Trying" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == id)).State.ShouldBe(from);
        (await TimelineData.EventsAsync(App.Database, id)).Count.ShouldBe(events);
    }

    [Fact]
    public async Task Bad_transition_requests_are_refused_with_the_reason()
    {
        var (id, etag) = await IncidentInAsync(IncidentState.Reported);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var path = $"/api/v1/incidents/{id}/transitions";

        var noReason = await Send(coordinator, HttpMethod.Post, path, new { to = "Warning", reason = " " }, etag);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Give a reason");
        (await Send(coordinator, HttpMethod.Post, path, new { to = "Flying", reason = "x" }, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Send(coordinator, HttpMethod.Post, path, new { to = "Warning", reason = "x" }, null)).StatusCode.ShouldBe((HttpStatusCode)428);
        (await Send(coordinator, HttpMethod.Post, path, new { to = "Warning", reason = "x" }, "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await Send(coordinator, HttpMethod.Post, $"/api/v1/incidents/{Guid.NewGuid()}/transitions", new { to = "Warning", reason = "x" }, etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Send(await App.ClientAsAsync(Roles.AgencyStaff), HttpMethod.Post, path, new { to = "Warning", reason = "x" }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(await App.ClientAsAsync(Roles.Coordinator, OrganisationKind.CivicGroup), HttpMethod.Post, path, new { to = "Warning", reason = "x" }, etag))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a civic group's charter does not grant TransitionPhase");

        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == id)).State.ShouldBe(IncidentState.Reported);
    }

    [Fact]
    public async Task Raising_the_grade_past_the_leads_level_requires_escalation_until_a_qualified_lead_takes_over()
    {
        var (id, etag) = await IncidentInAsync(IncidentState.Response, Severity.III);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var town = await OrganisationData.StoreAsync(App.Database, "Dongshan Town Government", OrganisationKind.Government, AdministrativeLevel.Town, "Dongshan");
        var city = await OrganisationData.StoreAsync(App.Database, "Qinghe City EMB", OrganisationKind.Government, AdministrativeLevel.City, "Qinghe");
        var village = await OrganisationData.StoreAsync(App.Database, "Liuzhuang Village Committee", OrganisationKind.Government, AdministrativeLevel.Village, "Liuzhuang");
        var ngo = await OrganisationData.StoreAsync(App.Database, "Qinghe Red Cross", OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe");

        var led = await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/lead", new { organisationId = town.Id }, etag);
        led.StatusCode.ShouldBe(HttpStatusCode.OK, await led.Content.ReadAsStringAsync());
        etag = led.Headers.ETag!.Tag;

        var raised = await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/severity", new { severity = "II", reason = "Levee overtopping likely" }, etag);
        raised.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await raised.Content.ReadFromJsonAsync<JsonObject>())!["escalationRequired"]!.GetValue<bool>().ShouldBeTrue();
        etag = raised.Headers.ETag!.Tag;

        var refused = await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/lead", new { organisationId = village.Id }, etag);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("needs a lead at City level or above");
        (await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/lead", new { organisationId = ngo.Id }, etag)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/lead", new { organisationId = Guid.NewGuid() }, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var escalated = await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/lead", new { organisationId = city.Id }, etag);
        escalated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await escalated.Content.ReadFromJsonAsync<JsonObject>())!;
        body["escalationRequired"]!.GetValue<bool>().ShouldBeFalse();
        body["leadOrganisationId"]!.GetValue<Guid>().ShouldBe(city.Id);

        var actions = (await TimelineData.EventsAsync(App.Database, id)).Select(e => e.Action).ToList();
        actions.ShouldBe(["LogIncident", "SetIncidentLead", "SetIncidentSeverity", "SetIncidentLead"], "the set-up moved the state behind the API");
    }

    [Fact]
    public async Task Re_grading_needs_a_grade_a_reason_and_an_open_incident()
    {
        var (id, etag) = await IncidentInAsync(IncidentState.Warning, Severity.III);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var path = $"/api/v1/incidents/{id}/severity";

        (await Send(coordinator, HttpMethod.Put, path, new { severity = "V", reason = "x" }, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Send(coordinator, HttpMethod.Put, path, new { severity = "II" }, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Send(coordinator, HttpMethod.Put, path, new { severity = "III", reason = "same" }, etag)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (closed, closedTag) = await IncidentInAsync(IncidentState.Closed);
        var response = await Send(coordinator, HttpMethod.Put, $"/api/v1/incidents/{closed}/severity", new { severity = "I", reason = "x" }, closedTag);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("closed");
    }

    /// <summary>An incident logged over the API, then moved to <paramref name="state"/> directly in the database.</summary>
    private async Task<(Guid Id, string ETag)> IncidentInAsync(IncidentState state, Severity severity = Severity.III)
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody().With("severity", severity.ToString())))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            var incident = await db.Incidents.SingleAsync(i => i.Id == id);
            foreach (var step in PathTo[state])
            {
                incident.TransitionTo(step, "set-up", DateTimeOffset.UtcNow);
            }

            if (state == IncidentState.Merged)
            {
                // Only a merge leads there.
                var kept = Incident.Report("The incident it duplicates", "", IncidentCategory.NaturalDisaster, severity, "Dongshan", 30.5, 114.3, DateTimeOffset.UtcNow);
                db.Incidents.Add(kept);
                incident.MergeInto(kept, "set-up", DateTimeOffset.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        var get = await staff.GetAsync($"/api/v1/incidents/{id}");
        return (id, get.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }
}
