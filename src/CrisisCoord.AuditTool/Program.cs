using System.Security.Cryptography;
using System.Text.Json;
using CrisisCoord.Application;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using Npgsql;

namespace CrisisCoord.AuditTool;

/// <summary>
/// crisiscoord-audit: verifies every timeline chain in a CrisisCoord database, outside the web app.
/// Exit code 0 = every chain intact, 1 = at least one chain broken, 2 = could not run (usage, connection, files).
/// </summary>
public static class AuditCli
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public const int Intact = 0;
    public const int Broken = 1;
    public const int CouldNotRun = 2;

    private const string Usage = """
        Usage: crisiscoord-audit verify --connection "<Npgsql connection string>"
                   [--chain registry|<incident id>] [--public-key key.pem] [--checkpoint file.json]...

        Verifies every timeline chain in the database (or only --chain): recomputes every hash, checks
        sequence continuity and every link, and compares each chain with the checkpoints stored in the
        database and those given with --checkpoint. With --public-key (the portal's checkpoint key, from
        GET /api/v1/audit/checkpoint-key) checkpoint signatures are checked too; without it they are
        compared unsigned. The connection needs only SELECT on timeline_events and timeline_checkpoints.
        The connection string may also come from the CRISISCOORD_AUDIT_DB environment variable.

        Exit code: 0 every chain intact, 1 a chain is broken, 2 could not run.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? CouldNotRun : Intact;
        }

        if (args[0] != "verify")
        {
            await errors.WriteLineAsync($"Unknown command '{args[0]}'.\n\n{Usage}");
            return CouldNotRun;
        }

        string? connection = Environment.GetEnvironmentVariable("CRISISCOORD_AUDIT_DB"), chainText = null, keyFile = null;
        var checkpointFiles = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--connection" when value is not null: connection = value; i++; break;
                case "--chain" when value is not null: chainText = value; i++; break;
                case "--public-key" when value is not null: keyFile = value; i++; break;
                case "--checkpoint" when value is not null: checkpointFiles.Add(value); i++; break;
                default:
                    await errors.WriteLineAsync($"'{args[i]}' is not an option here, or its value is missing.\n\n{Usage}");
                    return CouldNotRun;
            }
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            await errors.WriteLineAsync($"Give the database with --connection (or CRISISCOORD_AUDIT_DB).\n\n{Usage}");
            return CouldNotRun;
        }

        Guid? only = null;
        if (chainText is not null)
        {
            if (!TimelineChains.TryParse(chainText, out var parsed))
            {
                await errors.WriteLineAsync(TimelineChains.NotAChain(chainText));
                return CouldNotRun;
            }

            only = parsed;
        }

        using var key = ECDsa.Create();
        Func<Checkpoint, bool>? signatureHolds = null;
        var supplied = new List<Checkpoint>();
        try
        {
            if (keyFile is not null)
            {
                key.ImportFromPem(await File.ReadAllTextAsync(keyFile));
                signatureHolds = c => c.SignatureHolds(key);
            }

            foreach (var file in checkpointFiles)
            {
                var dto = JsonSerializer.Deserialize<CheckpointDto>(await File.ReadAllTextAsync(file), JsonSerializerOptions.Web);
                supplied.Add(dto?.ToCheckpoint() ?? throw new FormatException($"{file} is not a checkpoint file."));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentException or CryptographicException)
        {
            await errors.WriteLineAsync($"Could not read the key or a checkpoint: {ex.Message}");
            return CouldNotRun;
        }

        try
        {
            await using var db = DependencyInjection.CreateContext(connection);
            var chains = only is { } one ? [one] : await ChainAudit.ChainsAsync(db, CancellationToken.None);
            await output.WriteLineAsync(signatureHolds is null
                ? "Checkpoint signatures are not checked (no --public-key); checkpoints are compared by hash."
                : $"Checkpoint signatures are checked with key {Checkpoint.KeyIdOf(key)}.");

            var broken = 0;
            foreach (var chain in chains)
            {
                var result = await ChainAudit.VerifyAsync(db, chain, [.. supplied.Where(c => c.ChainId == chain)], signatureHolds, CancellationToken.None);
                var name = TimelineChains.Format(chain);
                if (result.Ok)
                {
                    await output.WriteLineAsync(
                        $"OK      {name}  {result.Chain.EventsChecked} events, head #{result.Chain.Head?.Sequence ?? 0} {(result.Chain.Head is { } h ? TimelineHash.Hex(h.Hash) : "-")}, {result.CheckpointsCompared} checkpoint(s)");
                    continue;
                }

                broken++;
                await output.WriteLineAsync(result.Chain.FirstBreak is { } b
                    ? $"BROKEN  {name}  at #{b.Sequence}: {b.Problem}"
                    : $"BROKEN  {name}  (checkpoints)");
                foreach (var problem in result.CheckpointProblems)
                {
                    await output.WriteLineAsync($"        {problem}");
                }
            }

            foreach (var orphan in supplied.Where(c => !chains.Contains(c.ChainId)))
            {
                broken++;
                await output.WriteLineAsync($"BROKEN  {TimelineChains.Format(orphan.ChainId)}  at #1: a checkpoint covers {orphan.Sequence} events, but the chain has none.");
            }

            await output.WriteLineAsync($"{chains.Count} chain(s) checked, {broken} broken.");
            return broken == 0 ? Intact : Broken;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await errors.WriteLineAsync($"Could not read the database: {ex.Message}");
            return CouldNotRun;
        }
    }
}
