using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Requests;

/// <summary>
/// The cast of every request test: an incident in response, its city coordinator, and an NGO holding
/// drinking water (<see cref="Water"/>, <see cref="WaterQuantity"/> litres) that takes part in it.
/// </summary>
public sealed record RequestScene(TaskScene Scene, Guid Water, decimal WaterQuantity)
{
    public Guid Incident => Scene.Incident;

    public HttpClient Coordinator => Scene.CoordinatorClient;

    public HttpClient Ngo => Scene.NgoClient;

    public static async Task<RequestScene> CreateAsync(CrisisCoordApp app, decimal water = 500)
    {
        var scene = await TaskScene.CreateAsync(app);
        var (body, _) = await ResourceData.RegisterAsync(scene.NgoClient, ResourceData.Water(water));
        return new RequestScene(scene, body["id"]!.GetValue<Guid>(), water);
    }

    public static JsonObject WaterRequest(decimal quantity = 300) => new()
    {
        ["type"] = "drinking-water",
        ["quantity"] = quantity,
        ["deliveryPlace"] = "Xiba Middle School playground",
        ["deliveryLatitude"] = 30.6893,
        ["deliveryLongitude"] = 114.1022,
        ["priority"] = "Urgent",
        ["neededBy"] = DateTimeOffset.UtcNow.AddHours(6),
    };

    /// <summary>The coordinator raises a request; returns its id.</summary>
    public async Task<Guid> RaiseAsync(decimal quantity = 300) =>
        (await OkAsync(await Coordinator.PostAsJsonAsync($"/api/v1/incidents/{Incident}/resource-requests", WaterRequest(quantity))))["id"]!.GetValue<Guid>();

    /// <summary>The NGO offers from its water; returns the offer's id.</summary>
    public async Task<Guid> OfferAsync(Guid request, decimal quantity, string answer = "Accept") =>
        (await OkAsync(await Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses",
            new { answer, resourceId = Water, quantity, estimatedArrival = DateTimeOffset.UtcNow.AddHours(2) })))["id"]!.GetValue<Guid>();

    /// <summary>The coordinator commits an offer; returns the commitment.</summary>
    public async Task<JsonObject> CommitAsync(Guid request, Guid offer, decimal? quantity = null) =>
        await OkAsync(await Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = offer, quantity }));

    public async Task<JsonObject> GetAsync(Guid request) => (await Coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/resource-requests/{request}"))!;

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Moves a commitment on, with its ETag.</summary>
    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid commitment, string status, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/commitments/{commitment}/status") { Content = JsonContent.Create(new { status }) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }
}
