using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>A report without a grade, and the verifier who must give it one.</summary>
public sealed class UngradedReportsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_citizen_reports_without_a_grade_and_a_village_body_verifies_it_with_one()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var logged = await citizen.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody().With("severity", null));
        logged.StatusCode.ShouldBe(HttpStatusCode.Created);
        var incident = (await logged.Content.ReadFromJsonAsync<JsonObject>())!;
        incident["awaitingGrade"]!.GetValue<bool>().ShouldBeTrue();
        var id = incident["id"]!.GetValue<Guid>();

        // Handled as the lowest grade until graded: a village body may verify it.
        var village = await App.ClientForAsync(await App.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.Village));
        var refused = await TransitionAsync(village, id, new { to = "Response", reason = "Confirmed by the village head" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["severity"]![0]!.GetValue<string>().ShouldBe(Incident.NeedsGradeMessage);

        var verified = await TransitionAsync(village, id, new { to = "Response", reason = "Confirmed by the village head", severity = "III" });
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await verified.Content.ReadFromJsonAsync<JsonObject>())!;
        body["severity"]!.GetValue<string>().ShouldBe("III");
        body["awaitingGrade"]!.GetValue<bool>().ShouldBeFalse();
        body["state"]!.GetValue<string>().ShouldBe("Response");

        await using var db = App.Database.CreateContext();
        var events = await db.TimelineEvents.Where(e => e.ChainId == id).OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Action).ShouldBe(["LogIncident", "TransitionIncident"]);
        events[1].Payload.ShouldContain("\"awaitingGrade\":{\"from\":true,\"to\":false}");
    }

    [Fact]
    public async Task An_ungraded_report_is_dismissed_without_a_grade_and_a_grade_is_refused_outside_verification()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var id = (await IncidentData.LogAsync(citizen, IncidentData.ValidBody().With("severity", null)))["id"]!.GetValue<Guid>();

        (await TransitionAsync(coordinator, id, new { to = "Dismissed", reason = "Seen from the bridge", severity = "II" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TransitionAsync(coordinator, id, new { to = "Response", reason = "x", severity = "V" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TransitionAsync(coordinator, id, new { to = "Dismissed", reason = "A false alarm: it was fog" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = App.Database.CreateContext();
        var stored = await db.Incidents.SingleAsync(i => i.Id == id);
        stored.State.ShouldBe(IncidentState.Dismissed);
        stored.AwaitingGrade.ShouldBeTrue();
    }

    private static async Task<HttpResponseMessage> TransitionAsync(HttpClient client, Guid id, object body)
    {
        var etag = (await client.GetAsync($"/api/v1/incidents/{id}")).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/incidents/{id}/transitions") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
