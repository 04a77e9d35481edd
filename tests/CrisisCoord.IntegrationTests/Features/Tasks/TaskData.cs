using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Tasks;

/// <summary>An incident in response with a city coordinator and an NGO taking part: the cast of every task test.</summary>
public sealed record TaskScene(Guid Incident, Actor Coordinator, HttpClient CoordinatorClient, Actor Ngo, HttpClient NgoClient)
{
    public static async Task<TaskScene> CreateAsync(CrisisCoordApp app)
    {
        var incident = (await IncidentData.LogAsync(await app.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        var coordinator = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City);
        var ngo = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup, AdministrativeLevel.City);
        await using (var db = app.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "set-up", DateTimeOffset.UtcNow);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(incident, ngo.OrganisationId, "set-up", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        return new TaskScene(incident, coordinator, await app.ClientForAsync(coordinator), ngo, await app.ClientForAsync(ngo));
    }

    /// <summary>A task created by the coordinator, assigned to the NGO unless <paramref name="assign"/> is false; returns its id and ETag.</summary>
    public async Task<(Guid Id, string ETag)> TaskAsync(bool assign = true)
    {
        var body = new JsonObject { ["title"] = "Evacuate the east-bank farms by boat", ["priority"] = "Urgent", ["requiredResourceTypes"] = new JsonArray("rescue-boat") };
        if (assign)
        {
            body["assignedOrganisationId"] = Ngo.OrganisationId;
        }

        var response = await CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{Incident}/tasks", body);
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>(), response.Headers.ETag!.Tag);
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid task, string action, string etag, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{task}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>Acts and returns the new ETag, failing the test if the step is refused.</summary>
    public static async Task<string> StepAsync(HttpClient client, Guid task, string action, string etag, object? body = null)
    {
        var response = await ActAsync(client, task, action, etag, body);
        response.IsSuccessStatusCode.ShouldBeTrue($"{action}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }
}
