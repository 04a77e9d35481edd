using System.Security.Cryptography;
using System.Text.Json;
using CrisisCoord.Application;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using Npgsql;

namespace CrisisCoord.AuditTool;

/// <summary>
/// crisiscoord-audit: verifies every timeline chain in a CrisisCoord database, outside the web app, and
/// lets an auditor co-sign (witness) the heads it verified with a key only the auditor holds.
/// Exit code 0 = every chain intact, 1 = at least one chain broken, 2 = could not run (usage, connection, files).
/// </summary>
public static partial class AuditCli
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public const int Intact = 0;
    public const int Broken = 1;
    public const int CouldNotRun = 2;

    private const string Usage = """
        Usage: crisiscoord-audit verify --connection "<Npgsql connection string>"
                   [--chain registry|<incident id>] [--public-key key.pem] [--checkpoint file.json]...
                   [--witness-key auditor.pub.pem]...
               crisiscoord-audit witness --connection "<connection string>" --key auditor.pem
                   [--chain registry|<incident id>] [--public-key key.pem] [--witness-key other.pub.pem]...
               crisiscoord-audit witness-key new --out auditor.pem
               crisiscoord-audit witness-key public --key auditor.pem

        verify   Verifies every timeline chain in the database (or only --chain): recomputes every hash,
                 checks sequence continuity and every link, and compares each chain with the checkpoints
                 stored in the database and those given with --checkpoint. With --public-key (the portal's
                 checkpoint key, from GET /api/v1/audit/checkpoint-key) checkpoint signatures are checked
                 too; without it they are compared unsigned. With --witness-key (auditors' public keys)
                 the witnessed checkpoints signed by those keys are compared as well and the newest
                 witnessed head of each chain is reported; witnesses are never trusted unsigned. The
                 connection needs only SELECT on timeline_events, timeline_checkpoints and timeline_witnesses.
        witness  Verifies each chain in full, as verify does (also against earlier witnesses of --key),
                 and only if it is intact signs its head with the auditor's private key (--key) and stores
                 the witnessed checkpoint. Connect as a login in the crisiscoord_witness role, which may
                 read the timeline and only insert witnessed checkpoints.
        witness-key new     Makes an ECDSA P-256 key pair: the private key goes to --out (readable by you
                            only; keep it away from the portal), the public key is printed for the
                            portal's Timeline__WitnessKeys__0.
        witness-key public  Prints the public key of --key.

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

        return args[0] switch
        {
            "verify" => await VerifyAsync(args, output, errors),
            "witness" => await WitnessAsync(args, output, errors),
            "witness-key" => await WitnessKeyAsync(args, output, errors),
            _ => await FailAsync(errors, $"Unknown command '{args[0]}'.\n\n{Usage}"),
        };
    }

    private static async Task<int> VerifyAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (await ParseAsync(args[1..], errors, "--connection", "--chain", "--public-key", "--checkpoint*", "--witness-key*") is not { } options
            || await ConnectionAsync(options, errors) is not { } connection
            || await ChainAsync(options, errors) is not (true, var only))
        {
            return CouldNotRun;
        }

        using var key = ECDsa.Create();
        Func<Checkpoint, bool>? signatureHolds = null;
        var supplied = new List<Checkpoint>();
        WitnessKeys witnesses;
        try
        {
            if (options.One("--public-key") is { } keyFile)
            {
                key.ImportFromPem(await File.ReadAllTextAsync(keyFile));
                signatureHolds = c => c.SignatureHolds(key);
            }

            foreach (var file in options.All("--checkpoint"))
            {
                var dto = JsonSerializer.Deserialize<CheckpointDto>(await File.ReadAllTextAsync(file), JsonSerializerOptions.Web);
                supplied.Add(dto?.ToCheckpoint() ?? throw new FormatException($"{file} is not a checkpoint file."));
            }

            witnesses = await WitnessKeysAsync(options.All("--witness-key"), []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentException or CryptographicException)
        {
            await errors.WriteLineAsync($"Could not read a key or a checkpoint: {ex.Message}");
            return CouldNotRun;
        }

        using (witnesses)
        {
            try
            {
                await using var db = DependencyInjection.CreateContext(connection);
                var chains = only is { } one ? [one] : await ChainAudit.ChainsAsync(db, CancellationToken.None);
                await output.WriteLineAsync(signatureHolds is null
                    ? "Checkpoint signatures are not checked (no --public-key); checkpoints are compared by hash."
                    : $"Checkpoint signatures are checked with key {Checkpoint.KeyIdOf(key)}.");
                await output.WriteLineAsync(witnesses.KeyIds.Count == 0
                    ? "Witnessed checkpoints are not compared (no --witness-key)."
                    : $"Witnessed checkpoints are checked with auditor key(s) {string.Join(", ", witnesses.KeyIds)}.");

                var broken = 0;
                foreach (var chain in chains)
                {
                    var result = await ChainAudit.VerifyAsync(db, chain, [.. supplied.Where(c => c.ChainId == chain)], signatureHolds, witnesses, CancellationToken.None);
                    if (!await ReportAsync(output, chain, result))
                    {
                        broken++;
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

    /// <summary>Writes one chain's verdict (and its newest witnessed head); true when it is intact.</summary>
    private static async Task<bool> ReportAsync(TextWriter output, Guid chain, ChainAuditResult result)
    {
        var name = TimelineChains.Format(chain);
        if (result.Ok)
        {
            await output.WriteLineAsync(
                $"OK      {name}  {result.Chain.EventsChecked} events, head #{result.Chain.Head?.Sequence ?? 0} {(result.Chain.Head is { } h ? TimelineHash.Hex(h.Hash) : "-")}, {result.CheckpointsCompared} checkpoint(s), {result.WitnessesCompared} witness(es)");
        }
        else
        {
            await output.WriteLineAsync(result.Chain.FirstBreak is { } b
                ? $"BROKEN  {name}  at #{b.Sequence}: {b.Problem}"
                : $"BROKEN  {name}  (checkpoints)");
            foreach (var problem in result.CheckpointProblems)
            {
                await output.WriteLineAsync($"        {problem}");
            }
        }

        if (result.NewestWitness is { } w)
        {
            await output.WriteLineAsync(
                $"        witnessed head #{w.Witness.Sequence} at {w.Witness.WitnessedAt:yyyy-MM-dd HH:mm:ss} UTC by key {w.Witness.KeyId}: {(w.Intact ? "intact" : "NOT intact")}");
        }

        return result.Ok;
    }

    /// <summary>The auditors' public keys from PEM files (public or private; only the public half is kept).</summary>
    private static async Task<WitnessKeys> WitnessKeysAsync(IEnumerable<string> files, IEnumerable<string> publicPems)
    {
        var pems = new List<string>(publicPems);
        foreach (var file in files)
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(await File.ReadAllTextAsync(file));
            pems.Add(key.ExportSubjectPublicKeyInfoPem());
        }

        return WitnessKeys.Problem(pems) is { } problem ? throw new FormatException(problem) : new WitnessKeys(pems);
    }

    private static async Task<string?> ConnectionAsync(Options options, TextWriter errors)
    {
        var connection = options.One("--connection") ?? Environment.GetEnvironmentVariable("CRISISCOORD_AUDIT_DB");
        if (string.IsNullOrWhiteSpace(connection))
        {
            await errors.WriteLineAsync($"Give the database with --connection (or CRISISCOORD_AUDIT_DB).\n\n{Usage}");
            return null;
        }

        return connection;
    }

    /// <summary>The --chain asked for (null: every chain); false after saying why when it names no chain.</summary>
    private static async Task<(bool Ok, Guid? Only)> ChainAsync(Options options, TextWriter errors)
    {
        if (options.One("--chain") is not { } text)
        {
            return (true, null);
        }

        if (TimelineChains.TryParse(text, out var parsed))
        {
            return (true, parsed);
        }

        await errors.WriteLineAsync(TimelineChains.NotAChain(text));
        return (false, null);
    }

    private static async Task<int> FailAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync(message);
        return CouldNotRun;
    }

    /// <summary>
    /// Reads <c>--name value</c> pairs; <paramref name="allowed"/> names the options, a trailing
    /// <c>*</c> marks one that may repeat. Null (after saying why) for anything else.
    /// </summary>
    private static async Task<Options?> ParseAsync(string[] args, TextWriter errors, params string[] allowed)
    {
        var values = new Dictionary<string, List<string>>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var repeats = allowed.Contains(name + "*");
            if ((!allowed.Contains(name) && !repeats) || i + 1 >= args.Length || (!repeats && values.ContainsKey(name)))
            {
                await errors.WriteLineAsync($"'{name}' is not an option here, is given twice, or its value is missing.\n\n{Usage}");
                return null;
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(args[++i]);
        }

        return new Options(values);
    }

    private sealed class Options(Dictionary<string, List<string>> values)
    {
        public string? One(string name) => values.TryGetValue(name, out var list) ? list[0] : null;

        public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];
    }
}
