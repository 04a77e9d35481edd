using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrisisCoord.IntegrationTests.Features.Resources;

public static class ResourceData
{
    public static JsonObject Water(decimal quantity = 200, double latitude = 30.6012, double longitude = 114.3105) => new()
    {
        ["type"] = "drinking-water",
        ["quantity"] = quantity,
        ["placeName"] = "Red Cross depot, Qinghe North",
        ["latitude"] = latitude,
        ["longitude"] = longitude,
        ["notes"] = "Bottled, 1.5 L",
    };

    public static async Task<(JsonObject Body, string ETag)> RegisterAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/resources", body);
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.Tag);
    }
}
