using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Charters;

public sealed class CharterConcurrencyTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Administrators_changing_the_same_entry_at_once_never_get_a_server_error()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var phases = new[] { new[] { "Response" }, new[] { "Recovery" }, new[] { "Warning", "Recovery" }, new[] { "Response", "Recovery" } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => admin.PutAsJsonAsync("/api/v1/charters/entries", new JsonObject
        {
            ["kind"] = "Enterprise",
            ["item"] = "AssignTasks",
            ["phases"] = new JsonArray([.. phases[i % phases.Length].Select(p => (JsonNode)p)]),
            ["legalBasis"] = $"Decision {i}",
        })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict
            || r.StatusCode == HttpStatusCode.BadRequest || r.StatusCode == HttpStatusCode.PreconditionFailed);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.OK);
        await using var db = App.Database.CreateContext();
        (await db.CharterEntries.CountAsync()).ShouldBe(1);
        // Every change that was accepted is on the record.
        (await db.CharterChanges.CountAsync()).ShouldBe(responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }
}
