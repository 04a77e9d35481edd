using System.Net.Http.Json;
using System.Text.Json;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Security;
using CrisisCoord.AuditTool;
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

    [Theory]
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
