using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Audit;

/// <summary>Reading the timeline as stored, and verifying it as an auditor does.</summary>
public static class TimelineData
{
    public static async Task<List<TimelineEvent>> EventsAsync(TestDatabase database, Guid? chain = null)
    {
        await using var db = database.CreateContext();
        return await db.TimelineEvents.Where(e => chain == null || e.ChainId == chain)
            .OrderBy(e => e.ChainId).ThenBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<JsonObject> VerifyAsync(HttpClient auditor, string chain, JsonObject? checkpoint = null)
    {
        var response = checkpoint is null
            ? await auditor.GetAsync($"/api/v1/audit/chains/{chain}/verify")
            : await auditor.PostAsJsonAsync($"/api/v1/audit/chains/{chain}/verify", checkpoint);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Runs SQL as a superuser with triggers off: what an intruder with full rights can do.</summary>
    public static Task TamperAsync(TestDatabase database, string sql) =>
        database.ExecuteAsync("SET session_replication_role = replica; " + sql);
}
