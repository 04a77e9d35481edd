using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Infrastructure;
using Npgsql;

namespace CrisisCoord.IntegrationTests.Features.Audit;

/// <summary>What someone with full database rights might do to the record, and how verification names it.</summary>
public sealed class TamperingTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_changed_payload_is_found_at_its_sequence()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(5);
        await TimelineData.TamperAsync(App.Database, $"UPDATE timeline_events SET payload = replace(payload, 'Cracks', 'Crack') WHERE chain_id = '{chain}' AND sequence = 3");

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["firstBrokenSequence"]!.GetValue<long>().ShouldBe(3);
        result["problem"]!.GetValue<string>().ShouldStartWith("Altered: event #3");
        result["eventsChecked"]!.GetValue<long>().ShouldBe(2);
        result["brokenEvent"]!["sequence"]!.GetValue<long>().ShouldBe(3);
    }

    [Fact]
    public async Task A_deleted_event_is_found_as_missing()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(5);
        await TimelineData.TamperAsync(App.Database, $"DELETE FROM timeline_events WHERE chain_id = '{chain}' AND sequence = 2");

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["firstBrokenSequence"]!.GetValue<long>().ShouldBe(2);
        result["problem"]!.GetValue<string>().ShouldStartWith("Missing: event #2");
    }

    [Fact]
    public async Task Two_swapped_events_are_found_at_the_first_of_them()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(5);
        await TimelineData.TamperAsync(App.Database, $"""
            UPDATE timeline_events SET sequence = 1000003 WHERE chain_id = '{chain}' AND sequence = 3;
            UPDATE timeline_events SET sequence = 3 WHERE chain_id = '{chain}' AND sequence = 4;
            UPDATE timeline_events SET sequence = 4 WHERE chain_id = '{chain}' AND sequence = 1000003;
            """);

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["firstBrokenSequence"]!.GetValue<long>().ShouldBe(3);
        result["problem"]!.GetValue<string>().ShouldStartWith("Broken link: event #3");
    }

    [Fact]
    public async Task A_chain_rewritten_consistently_passes_the_walk_but_not_a_checkpoint_taken_before()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(4);
        var checkpoints = await (await auditor.PostAsJsonAsync("/api/v1/audit/checkpoints", new JsonObject { ["chain"] = chain.ToString() }))
            .Content.ReadFromJsonAsync<JsonArray>();
        var kept = checkpoints!.Single()!.AsObject();
        kept["sequence"]!.GetValue<long>().ShouldBe(4);

        // Rewrite event #2 and re-hash it and everything after, as an intruder who knows the algorithm would;
        // the stored checkpoints are removed too, so only the auditor's own copy remains.
        var events = await TimelineData.EventsAsync(App.Database, chain);
        var previous = events[0].Hash;
        var sql = new List<string> { "DELETE FROM timeline_checkpoints" };
        foreach (var e in events.Skip(1))
        {
            var payload = e.Sequence == 2 ? e.Payload.Replace("Cracks", "Crack", StringComparison.Ordinal) : e.Payload;
            var forged = TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, e.Action, e.EntityType, e.EntityId, payload, previous, []);
            previous = TimelineHash.Compute(forged);
            sql.Add($"UPDATE timeline_events SET payload = '{payload.Replace("'", "''", StringComparison.Ordinal)}', previous_hash = '\\x{Convert.ToHexString(forged.PreviousHash)}', hash = '\\x{Convert.ToHexString(previous)}' WHERE id = '{e.Id}'");
        }

        await TimelineData.TamperAsync(App.Database, string.Join(";\n", sql));

        var walk = await TimelineData.VerifyAsync(auditor, chain.ToString());
        walk["ok"]!.GetValue<bool>().ShouldBeTrue("every hash was recomputed, so the walk alone cannot tell");
        var against = await TimelineData.VerifyAsync(auditor, chain.ToString(), kept);
        against["ok"]!.GetValue<bool>().ShouldBeFalse();
        against["firstBrokenSequence"]!.GetValue<long>().ShouldBe(4);
        against["problem"]!.GetValue<string>().ShouldStartWith("Rewritten: event #4");
    }

    [Fact]
    public async Task Events_cut_from_the_end_are_found_by_a_stored_checkpoint()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(5);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        await TimelineData.TamperAsync(App.Database, $"DELETE FROM timeline_events WHERE chain_id = '{chain}' AND sequence >= 4");

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["firstBrokenSequence"]!.GetValue<long>().ShouldBe(4);
        result["problem"]!.GetValue<string>().ShouldContain("Events #4–#5 were removed");
    }

    [Fact]
    public async Task A_forged_checkpoint_is_reported_and_not_trusted()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(2);
        var kept = (await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadFromJsonAsync<JsonArray>())!
            .Single(c => c!["chain"]!.GetValue<string>() == chain.ToString())!.AsObject();
        kept["sequence"] = 1;

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString(), kept);

        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["checkpointProblems"]!.AsArray().Single()!.GetValue<string>().ShouldContain("does not carry a valid signature");
    }

    [Theory]
    [InlineData("UPDATE timeline_events SET action = 'x'")]
    [InlineData("DELETE FROM timeline_events")]
    [InlineData("TRUNCATE timeline_events")]
    [InlineData("UPDATE timeline_checkpoints SET sequence = 1")]
    [InlineData("DELETE FROM timeline_checkpoints")]
    [InlineData("ALTER TABLE timeline_events DISABLE TRIGGER USER")]
    [InlineData("INSERT INTO timeline_witnesses (id, chain_id, sequence, head_hash, witnessed_at, key_id, signature) VALUES (gen_random_uuid(), gen_random_uuid(), 1, '\\x00', now(), 'x', '\\x00')")]
    [InlineData("DELETE FROM timeline_witnesses")]
    public async Task The_application_role_cannot_change_or_remove_the_record(string sql)
    {
        await IncidentWithEventsAsync(1);
        await using var connection = new NpgsqlConnection(App.Database.AppConnectionString);
        await connection.OpenAsync();

        var refused = await Should.ThrowAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());

        refused.SqlState.ShouldBeOneOf(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Even_the_owner_is_refused_by_the_trigger_unless_it_is_switched_off()
    {
        var (chain, _) = await IncidentWithEventsAsync(1);

        var refused = await Should.ThrowAsync<PostgresException>(() => App.Database.ExecuteAsync($"UPDATE timeline_events SET action = 'x' WHERE chain_id = '{chain}'"));

        refused.MessageText.ShouldContain("append-only");
        (await TimelineData.EventsAsync(App.Database, chain)).Single().Action.ShouldBe("LogIncident");
    }

    /// <summary>An incident whose chain has <paramref name="count"/> events: logged, then recorded steps.</summary>
    private async Task<(Guid Chain, HttpClient Auditor)> IncidentWithEventsAsync(int count)
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var chain = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Cracks in Liuzhuang reservoir dam")))["id"]!.GetValue<Guid>();
        await using var db = App.Database.CreateContext();
        for (var i = 2; i <= count; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var recorder = new CrisisCoord.Application.Timeline.TimelineRecorder(db, TimeProvider.System);
            recorder.Begin();
            var incident = await db.Incidents.FindAsync(chain);
            db.Entry(incident!).Property(x => x.Description).CurrentValue = $"Cracks widening, reading {i}";
            await recorder.RecordAsync("UpdateIncident", typeof(CrisisCoord.Domain.Incidents.Incident), null, null, DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.CommitAsync();
        }

        (await TimelineData.EventsAsync(App.Database, chain)).Count.ShouldBe(count);
        return (chain, await App.ClientAsAsync(Roles.Auditor));
    }
}
