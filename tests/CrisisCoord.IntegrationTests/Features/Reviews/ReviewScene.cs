using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Reviews;

/// <summary>
/// An incident carried through its life over the API, so its chain holds every step: reported by town staff,
/// verified into Response and led by a government coordinator, an NGO admitted, given a task it accepts and
/// asked for 300 litres of water of which it commits and delivers 200; then Recovery; closed unless asked not to.
/// </summary>
public sealed record ReviewScene(Guid Incident, Actor Lead, HttpClient LeadClient, Actor Ngo, HttpClient NgoClient)
{
    public static async Task<ReviewScene> CreateAsync(CrisisCoordApp app, bool close = true)
    {
        var staff = await app.ClientAsAsync(Roles.AgencyStaff);
        var incident = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Levee breach at Dongshan")))["id"]!.GetValue<Guid>();
        var lead = await app.CreateAsync(Roles.Coordinator);
        var leadClient = await app.ClientForAsync(lead);
        var ngo = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup, AdministrativeLevel.City);
        var ngoClient = await app.ClientForAsync(ngo);
        var scene = new ReviewScene(incident, lead, leadClient, ngo, ngoClient);

        await scene.ChangeIncidentAsync(HttpMethod.Post, "transitions", new { to = "Response", reason = "Confirmed on site" });
        await scene.ChangeIncidentAsync(HttpMethod.Put, "lead", new { organisationId = lead.OrganisationId });
        await RequestScene.OkAsync(await leadClient.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { organisationId = ngo.OrganisationId }));

        var created = await leadClient.PostAsJsonAsync($"/api/v1/incidents/{incident}/tasks",
            new { title = "Evacuate the east-bank farms", assignedOrganisationId = ngo.OrganisationId });
        var task = await RequestScene.OkAsync(created);
        await TaskScene.StepAsync(ngoClient, task["id"]!.GetValue<Guid>(), "accept", created.Headers.ETag!.Tag);

        var (water, _) = await ResourceData.RegisterAsync(ngoClient, ResourceData.Water(500));
        var request = (await RequestScene.OkAsync(await leadClient.PostAsJsonAsync($"/api/v1/incidents/{incident}/resource-requests", RequestScene.WaterRequest(300))))["id"]!.GetValue<Guid>();
        var offer = (await RequestScene.OkAsync(await ngoClient.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses",
            new { answer = "Accept", resourceId = water["id"]!.GetValue<Guid>(), quantity = 200, estimatedArrival = DateTimeOffset.UtcNow.AddHours(2) })))["id"]!.GetValue<Guid>();
        var commitment = await RequestScene.OkAsync(await leadClient.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = offer }));
        var enRoute = await RequestScene.MoveAsync(ngoClient, commitment["id"]!.GetValue<Guid>(), "EnRoute", $"\"{commitment["version"]}\"");
        enRoute.IsSuccessStatusCode.ShouldBeTrue(await enRoute.Content.ReadAsStringAsync());
        var arrived = await RequestScene.MoveAsync(ngoClient, commitment["id"]!.GetValue<Guid>(), "Arrived", enRoute.Headers.ETag!.Tag);
        arrived.IsSuccessStatusCode.ShouldBeTrue(await arrived.Content.ReadAsStringAsync());

        await scene.ChangeIncidentAsync(HttpMethod.Post, "transitions", new { to = "Recovery", reason = "Water going down" });
        if (close)
        {
            await scene.CloseAsync();
        }

        return scene;
    }

    public Task CloseAsync() => ChangeIncidentAsync(HttpMethod.Post, "transitions", new { to = "Closed", reason = "Levee repaired" });

    public async Task<JsonObject> ReviewAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{Incident}/review"))!;

    public Task<HttpResponseMessage> LessonAsync(HttpClient client, string text, string kind = "Lesson") =>
        client.PostAsJsonAsync($"/api/v1/incidents/{Incident}/review/lessons", new { kind, text });

    public Task<HttpResponseMessage> CommentAsync(HttpClient client, string text) =>
        client.PostAsJsonAsync($"/api/v1/incidents/{Incident}/review/comments", new { text });

    public Task<HttpResponseMessage> SignAsync(HttpClient client) =>
        client.PostAsJsonAsync($"/api/v1/incidents/{Incident}/review/signature", new { });

    private async Task ChangeIncidentAsync(HttpMethod method, string path, object body)
    {
        var etag = (await LeadClient.GetAsync($"/api/v1/incidents/{Incident}")).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(method, $"/api/v1/incidents/{Incident}/{path}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await LeadClient.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {await response.Content.ReadAsStringAsync()}");
    }
}
