using System.Net.Http.Json;
using System.Text.Json;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Security;
using CrisisCoord.AuditTool;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>The command-line verifier, run against the database as an auditor would outside the portal.</summary>
public sealed class AuditToolTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_intact_database_verifies_every_chain_and_exits_zero()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Levee breach"));
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Landslide"));

        var (code, output) = await RunAsync("verify", "--connection", App.Database.AppConnectionString);

        code.ShouldBe(AuditCli.Intact, output);
        output.ShouldContain("OK      registry");
        output.ShouldContain("3 chain(s) checked, 0 broken.");
    }

    [Fact]
    public async Task A_changed_event_is_named_and_the_tool_exits_one()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var incident = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Levee breach")))["id"]!.GetValue<string>();
        await App.Database.ExecuteAsync(
            $"SET session_replication_role = replica; UPDATE timeline_events SET actor_organisation_id = NULL WHERE chain_id = '{incident}' AND sequence = 1");

        var (code, output) = await RunAsync("verify", "--connection", App.Database.AppConnectionString);

        code.ShouldBe(AuditCli.Broken, output);
        output.ShouldContain($"BROKEN  {incident}  at #1: Altered");
        output.ShouldContain("OK      registry");
    }

    [Fact]
    public async Task A_kept_checkpoint_and_the_public_key_catch_a_chain_cut_short()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Levee breach"));
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var taken = await (await auditor.PostAsync("/api/v1/audit/checkpoints?", null)).Content.ReadAsStringAsync();
        var registry = JsonSerializer.Deserialize<List<CheckpointDto>>(taken, JsonSerializerOptions.Web)!.Single(c => c.Chain == "registry");
        var checkpointFile = Path.GetTempFileName();
        var keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(checkpointFile, JsonSerializer.Serialize(registry, JsonSerializerOptions.Web));
        await File.WriteAllTextAsync(keyFile, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/checkpoint-key")).GetProperty("publicKeyPem").GetString());
        // Removing the newest events leaves a chain that is internally consistent; only the checkpoints know better.
        await App.Database.ExecuteAsync(
            $"SET session_replication_role = replica; DELETE FROM timeline_checkpoints; DELETE FROM timeline_events WHERE chain_id = '00000000-0000-0000-0000-000000000000' AND sequence = {registry.Sequence}");

        var (code, output) = await RunAsync("verify", "--connection", App.Database.AppConnectionString, "--chain", "registry",
            "--public-key", keyFile, "--checkpoint", checkpointFile);

        code.ShouldBe(AuditCli.Broken, output);
        output.ShouldContain($"BROKEN  registry  at #{registry.Sequence}: Missing");
        output.ShouldContain("signatures are checked with key");
    }

    [Fact]
    public async Task Witness_verifies_each_chain_then_signs_its_head_and_verify_reports_the_witnessed_heads()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var incident = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Levee breach")))["id"]!.GetValue<Guid>();
        var events = await TimelineData.EventsAsync(App.Database);

        var (code, output) = await TimelineData.WitnessAsync(App.Database);

        code.ShouldBe(AuditCli.Intact, output);
        output.ShouldContain("OK      registry");
        output.ShouldContain($"WITNESS {incident}  head #1 {TimelineHash.Hex(events.Single(e => e.ChainId == incident).Hash)}");
        output.ShouldContain("2 chain(s) checked, 2 witnessed, 0 broken");
        var witnesses = await TimelineData.WitnessesAsync(App.Database);
        witnesses.Count.ShouldBe(2);
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            key.ImportFromPem(CrisisCoordApp.AuditorPublicKeyPem);
            witnesses.ShouldAllBe(w => w.SignatureHolds(key));
        }

        var (again, second) = await TimelineData.WitnessAsync(App.Database);
        again.ShouldBe(AuditCli.Intact, second);
        second.ShouldContain("already witnessed at #1 by this key");
        (await TimelineData.WitnessesAsync(App.Database)).Count.ShouldBe(2);

        var publicKey = Path.GetTempFileName();
        await File.WriteAllTextAsync(publicKey, CrisisCoordApp.AuditorPublicKeyPem);
        var (verified, report) = await RunAsync("verify", "--connection", App.Database.AppConnectionString, "--witness-key", publicKey);
        verified.ShouldBe(AuditCli.Intact, report);
        report.ShouldContain($"witnessed head #1 at {witnesses[0].WitnessedAt:yyyy-MM-dd HH:mm:ss} UTC by key {witnesses[0].KeyId}: intact");
        report.ShouldContain("1 witness(es)");
    }

    [Fact]
    public async Task Witness_does_not_sign_a_broken_chain()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var incident = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Levee breach")))["id"]!.GetValue<Guid>();
        await TimelineData.TamperAsync(App.Database, $"UPDATE timeline_events SET action = 'CloseIncident' WHERE chain_id = '{incident}'");

        var (code, output) = await TimelineData.WitnessAsync(App.Database);

        code.ShouldBe(AuditCli.Broken, output);
        output.ShouldContain($"BROKEN  {incident}  at #1: Altered");
        output.ShouldContain($"not witnessed: {incident} does not verify");
        (await TimelineData.WitnessesAsync(App.Database)).ShouldHaveSingleItem().ChainId.ShouldBe(Guid.Empty, "the intact registry is witnessed");
    }

    [Fact]
    public async Task The_portal_login_cannot_store_witnesses()
    {
        await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody("Levee breach"));

        var (code, output) = await RunAsync("witness", "--connection", App.Database.AppConnectionString, "--key", await TimelineData.AuditorKeyFileAsync());

        code.ShouldBe(AuditCli.CouldNotRun, output);
        output.ShouldContain("Nothing was stored");
        (await TimelineData.WitnessesAsync(App.Database)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Witness_key_new_writes_a_private_key_only_its_owner_reads_and_prints_the_public_key()
    {
        var file = Path.Combine(Path.GetTempPath(), $"auditor-{Guid.NewGuid():N}.pem");

        var (code, output) = await RunAsync("witness-key", "new", "--out", file);

        code.ShouldBe(AuditCli.Intact, output);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (shown, publicPem) = await RunAsync("witness-key", "public", "--key", file);
        shown.ShouldBe(AuditCli.Intact);
        publicPem.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        output.ShouldContain(publicPem.Trim());
        CrisisCoord.Application.Timeline.WitnessKeys.Problem([publicPem]).ShouldBeNull();
        CrisisCoord.Application.Timeline.WitnessKeys.Problem([await File.ReadAllTextAsync(file)])!.ShouldContain("is a private key");
        var (overwrite, refused) = await RunAsync("witness-key", "new", "--out", file);
        overwrite.ShouldBe(AuditCli.CouldNotRun, refused);
    }

    [Theory]
    [InlineData("witness", "--connection", "Host=x")]
    [InlineData("witness", "--connection", "Host=x", "--key", "/nonexistent/auditor.pem")]
    [InlineData("witness-key")]
    [InlineData("witness-key", "new")]
    [InlineData("witness-key", "public", "--key", "/nonexistent/auditor.pem")]
    [InlineData("verify", "--connection", "Host=x", "--witness-key", "/nonexistent/auditor.pub.pem")]
    [InlineData("verify")]
    [InlineData("verify", "--connection")]
    [InlineData("verify", "--connection", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2")]
    [InlineData("verify", "--connection", "Host=x", "--chain", "nonsense")]
    [InlineData("verify", "--connection", "Host=x", "--checkpoint", "/nonexistent/checkpoint.json")]
    [InlineData("rewrite")]
    public async Task Wrong_use_says_what_is_wrong_and_exits_two(params string[] args)
    {
        var (code, output) = await RunAsync(args);

        code.ShouldBe(AuditCli.CouldNotRun, output);
        output.Length.ShouldBeGreaterThan(20);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await AuditCli.RunAsync(args, output, output);
        return (code, output.ToString());
    }
}
