using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.AuditTool;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Audit;

/// <summary>
/// Checkpoints co-signed outside the portal by an auditor's key: what they catch that the portal's own
/// checkpoints cannot, and why a row in timeline_witnesses proves nothing unless the auditor's key signed it.
/// </summary>
public sealed class WitnessTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_chain_rewritten_and_re_signed_with_the_portal_key_fails_against_a_witnessed_checkpoint()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(4);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        var (code, output) = await TimelineData.WitnessAsync(App.Database);
        code.ShouldBe(AuditCli.Intact, output);

        // Whoever holds the portal's database and its key: rewrite #2 on, re-hash, and re-sign the portal's checkpoints.
        var events = await TimelineData.EventsAsync(App.Database, chain);
        var previous = events[0].Hash;
        var sql = new List<string> { $"DELETE FROM timeline_checkpoints WHERE chain_id = '{chain}'" };
        foreach (var e in events.Skip(1))
        {
            var payload = e.Payload.Replace("Cracks", "No cracks", StringComparison.Ordinal);
            var forged = TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, e.Action, e.EntityType, e.EntityId, payload, previous, []);
            previous = TimelineHash.Compute(forged);
            sql.Add($"UPDATE timeline_events SET payload = '{payload.Replace("'", "''", StringComparison.Ordinal)}', previous_hash = '\\x{Convert.ToHexString(forged.PreviousHash)}', hash = '\\x{Convert.ToHexString(previous)}' WHERE id = '{e.Id}'");
        }

        await TimelineData.TamperAsync(App.Database, string.Join(";\n", sql));
        var resigned = await (await auditor.PostAsJsonAsync("/api/v1/audit/checkpoints", new JsonObject { ["chain"] = chain.ToString() })).Content.ReadFromJsonAsync<JsonArray>();
        resigned!.Single()!["sequence"]!.GetValue<long>().ShouldBe(4);

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["checkpointsCompared"]!.GetValue<int>().ShouldBe(1, "the re-signed portal checkpoint agrees with the rewrite");
        result["firstBrokenSequence"]!.GetValue<long>().ShouldBe(4);
        result["problem"]!.GetValue<string>().ShouldStartWith("Rewritten: event #4");
        result["problem"]!.GetValue<string>().ShouldContain("witnessed with auditor key");
        result["witness"]!["sequence"]!.GetValue<long>().ShouldBe(4);
        result["witness"]!["intact"]!.GetValue<bool>().ShouldBeFalse();

        // The auditor's own tool refuses to witness the rewritten chain and says why.
        var (again, refused) = await TimelineData.WitnessAsync(App.Database, "--chain", chain.ToString());
        again.ShouldBe(AuditCli.Broken, refused);
        refused.ShouldContain($"BROKEN  {chain}  at #4: Rewritten");
        refused.ShouldContain("NOT intact");
        (await TimelineData.WitnessesAsync(App.Database, chain)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Verify_reports_the_newest_witnessed_head_as_intact()
    {
        var (chain, auditor) = await IncidentWithEventsAsync(2);
        (await TimelineData.WitnessAsync(App.Database)).Code.ShouldBe(AuditCli.Intact);
        await IncidentWithEventsAsync(3, chain);
        var (code, output) = await TimelineData.WitnessAsync(App.Database, "--chain", chain.ToString());
        code.ShouldBe(AuditCli.Intact, output);

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["ok"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["witnessesCompared"]!.GetValue<int>().ShouldBe(2);
        var witness = result["witness"]!;
        witness["sequence"]!.GetValue<long>().ShouldBe(3);
        witness["intact"]!.GetValue<bool>().ShouldBeTrue();
        witness["keyId"]!.GetValue<string>().ShouldBe((await TimelineData.WitnessesAsync(App.Database, chain))[0].KeyId);
        var chains = await auditor.GetFromJsonAsync<JsonArray>("/api/v1/audit/chains");
        chains!.Single(c => c!["chain"]!.GetValue<string>() == chain.ToString())!["latestWitness"]!["sequence"]!.GetValue<long>().ShouldBe(3);
    }

    public static TheoryData<string> Forgeries => ["bad signature", "unknown key", "the portal's own key", "head not in the chain"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_witness_row_is_reported_and_not_counted(string forgery)
    {
        var (chain, auditor) = await IncidentWithEventsAsync(3);
        var head = (await TimelineData.EventsAsync(App.Database, chain))[^1];
        using var auditorKey = Key(CrisisCoordApp.AuditorKeyPem);
        using var portalKey = Key(CrisisCoordApp.CheckpointKeyPem);
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var genuine = Witness.Sign(chain, new ChainHead(head.Sequence, head.Hash, head.OccurredAt), DateTimeOffset.UtcNow, auditorKey);
        var row = forgery switch
        {
            "bad signature" => Witness.Restore(chain, 3, head.Hash, genuine.WitnessedAt.AddSeconds(1), genuine.KeyId, genuine.Signature),
            "unknown key" => Witness.Sign(chain, new ChainHead(3, head.Hash, head.OccurredAt), DateTimeOffset.UtcNow, strangerKey),
            "the portal's own key" => Witness.Sign(chain, new ChainHead(3, head.Hash, head.OccurredAt), DateTimeOffset.UtcNow, portalKey),
            _ => Witness.Restore(chain, 2, SHA256.HashData("not an event"u8), genuine.WitnessedAt, genuine.KeyId, genuine.Signature),
        };
        // Written as a superuser: the app's own role may not insert witnesses at all (see TamperingTests).
        await App.Database.ExecuteAsync(
            $"INSERT INTO timeline_witnesses (id, chain_id, sequence, head_hash, witnessed_at, key_id, signature) VALUES (gen_random_uuid(), '{chain}', {row.Sequence}, '\\x{Convert.ToHexString(row.HeadHash)}', '{row.WitnessedAt:O}', '{row.KeyId}', '\\x{Convert.ToHexString(row.Signature)}')");

        var result = await TimelineData.VerifyAsync(auditor, chain.ToString());

        result["witness"].ShouldBeNull(forgery);
        result["witnessesCompared"]!.GetValue<int>().ShouldBe(0);
        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["checkpointProblems"]!.AsArray().Single()!.GetValue<string>().ShouldContain("does not carry a valid signature of a configured auditor key");
        var chains = await auditor.GetFromJsonAsync<JsonArray>("/api/v1/audit/chains");
        chains!.Single(c => c!["chain"]!.GetValue<string>() == chain.ToString())!["latestWitness"].ShouldBeNull();
    }

    private static ECDsa Key(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    /// <summary>An incident whose chain has <paramref name="count"/> events (or an existing one grown to that many).</summary>
    private async Task<(Guid Chain, HttpClient Auditor)> IncidentWithEventsAsync(int count, Guid? existing = null)
    {
        var chain = existing ?? (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody("Cracks in Liuzhuang reservoir dam")))["id"]!.GetValue<Guid>();
        await using var db = App.Database.CreateContext();
        for (var i = (await TimelineData.EventsAsync(App.Database, chain)).Count + 1; i <= count; i++)
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
