using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

/// <summary>Measurable objectives per phase, their progress, and the rule that a phase closes only when they are settled.</summary>
public sealed class ObjectivesApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Reaching_the_target_meets_the_objective()
    {
        var (incident, coordinator) = await IncidentAsync(IncidentState.Response);

        var created = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/objectives", new { title = "Evacuate east-bank farms", target = 300, unit = "people" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var objective = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        objective["phase"]!.GetValue<string>().ShouldBe("Response", "the incident's current phase by default");
        var id = objective["id"]!.GetValue<Guid>();

        var halfway = await Post(coordinator, $"/api/v1/objectives/{id}/progress", new { progress = 150 }, created.Headers.ETag!.Tag);
        halfway.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await halfway.Content.ReadFromJsonAsync<JsonObject>())!;
        (body["percent"]!.GetValue<int>(), body["status"]!.GetValue<string>()).ShouldBe((50, "Open"));

        var done = await Post(coordinator, $"/api/v1/objectives/{id}/progress", new { progress = 310 }, halfway.Headers.ETag!.Tag);
        (await done.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Met");

        var list = (await coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/incidents/{incident}/objectives"))!;
        list.Single()!["percent"]!.GetValue<int>().ShouldBe(100);
    }

    [Fact]
    public async Task A_phase_closes_only_when_its_objectives_are_met_or_waived()
    {
        var (incident, coordinator) = await IncidentAsync(IncidentState.Recovery);
        var created = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/objectives", new { title = "Reopen the Liuzhuang road" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var refused = await Post(coordinator, $"/api/v1/incidents/{incident}/transitions", new { to = "Closed", reason = "All done" }, await ETagAsync(coordinator, incident));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Reopen the Liuzhuang road");

        (await Post(coordinator, $"/api/v1/objectives/{id}/waive", new { reason = "" }, created.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Post(coordinator, $"/api/v1/objectives/{id}/waive", new { reason = "Road handed to the highway bureau" }, created.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var closed = await Post(coordinator, $"/api/v1/incidents/{incident}/transitions", new { to = "Closed", reason = "All done" }, await ETagAsync(coordinator, incident));
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_objectives_and_progress_are_refused_and_nothing_changes()
    {
        var (incident, coordinator) = await IncidentAsync(IncidentState.Response);
        var path = $"/api/v1/incidents/{incident}/objectives";

        (await coordinator.PostAsJsonAsync(path, new { title = "", target = 5, unit = "boats" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.PostAsJsonAsync(path, new { title = "Boats", target = -5, unit = "boats" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.PostAsJsonAsync(path, new { title = "Boats", target = 5 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.PostAsJsonAsync(path, new { title = "Boats", phase = "Lunch" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup)).PostAsJsonAsync(path, new { title = "Boats" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var created = await coordinator.PostAsJsonAsync(path, new { title = "Boats on the water", target = 5, unit = "boats" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var etag = created.Headers.ETag!.Tag;
        (await Post(coordinator, $"/api/v1/objectives/{id}/progress", new { progress = -1 }, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var absurd = await Post(coordinator, $"/api/v1/objectives/{id}/progress", new { progress = 500 }, etag);
        absurd.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await absurd.Content.ReadAsStringAsync()).ShouldContain("between 0 and 50");
        (await Post(coordinator, $"/api/v1/objectives/{id}/progress", new { progress = 2 }, null)).StatusCode.ShouldBe((HttpStatusCode)428);
        (await Post(coordinator, $"/api/v1/objectives/{Guid.NewGuid()}/progress", new { progress = 2 }, etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = App.Database.CreateContext();
        (await db.Objectives.SingleAsync()).Progress.ShouldBe(0);
    }

    private async Task<(Guid Incident, HttpClient Coordinator)> IncidentAsync(IncidentState state)
    {
        var id = (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            var incident = await db.Incidents.SingleAsync(i => i.Id == id);
            foreach (var step in state == IncidentState.Recovery ? [IncidentState.Response, IncidentState.Recovery] : new[] { state })
            {
                incident.TransitionTo(step, "set-up", DateTimeOffset.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        return (id, await App.ClientAsAsync(Roles.Coordinator));
    }

    private static async Task<string> ETagAsync(HttpClient client, Guid incident) =>
        (await client.GetAsync($"/api/v1/incidents/{incident}")).Headers.ETag!.Tag;

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }
}
