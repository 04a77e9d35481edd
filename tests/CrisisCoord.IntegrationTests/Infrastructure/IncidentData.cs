using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>Valid incident bodies to start from, and ways to look at what was stored.</summary>
public static class IncidentData
{
    public static JsonObject ValidBody(string title = "Levee breach at Dongshan") => new()
    {
        ["title"] = title,
        ["description"] = "Water over the east levee at km 12; two farms flooded.",
        ["category"] = "NaturalDisaster",
        ["severity"] = "II",
        ["placeName"] = "Dongshan Town, Qing River levee km 12",
        ["latitude"] = 30.5124,
        ["longitude"] = 114.2861,
    };

    public static JsonObject With(this JsonObject body, string field, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    public static async Task<JsonObject> LogAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Incidents.CountAsync();
    }
}
