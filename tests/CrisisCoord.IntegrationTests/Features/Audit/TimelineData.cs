using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.AuditTool;
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

    /// <summary>
    /// Runs the audit tool's <c>witness</c> as the test auditor would: with the auditor's private key in a
    /// file of their own and a login in the witness role (not the app's).
    /// </summary>
    public static async Task<(int Code, string Output)> WitnessAsync(TestDatabase database, params string[] more)
    {
        var keyFile = await AuditorKeyFileAsync();
        var output = new StringWriter();
        var code = await AuditCli.RunAsync(["witness", "--connection", database.WitnessConnectionString, "--key", keyFile, .. more], output, output);
        return (code, output.ToString());
    }

    public static async Task<string> AuditorKeyFileAsync()
    {
        var keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(keyFile, CrisisCoordApp.AuditorKeyPem);
        return keyFile;
    }

    public static async Task<List<Witness>> WitnessesAsync(TestDatabase database, Guid? chain = null)
    {
        await using var db = database.CreateContext();
        return await db.Witnesses.Where(w => chain == null || w.ChainId == chain).OrderBy(w => w.ChainId).ThenBy(w => w.Sequence).ToListAsync();
    }

    /// <summary>Runs SQL as a superuser with triggers off: what an intruder with full rights can do.</summary>
    public static Task TamperAsync(TestDatabase database, string sql) =>
        database.ExecuteAsync("SET session_replication_role = replica; " + sql);
}
