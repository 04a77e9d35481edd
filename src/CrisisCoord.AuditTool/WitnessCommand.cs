using System.Security.Cryptography;
using CrisisCoord.Application;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.AuditTool;

public static partial class AuditCli
{
    /// <summary>
    /// <c>witness</c>: verifies each chain in full and signs only the head it verified, with the auditor's
    /// private key. A broken chain is reported and not signed. Witnesses are stored through the
    /// connection's role (crisiscoord_witness: INSERT on timeline_witnesses only), all or none.
    /// </summary>
    private static async Task<int> WitnessAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (await ParseAsync(args[1..], errors, "--connection", "--key", "--chain", "--public-key", "--witness-key*") is not { } options
            || await ConnectionAsync(options, errors) is not { } connection
            || await ChainAsync(options, errors) is not (true, var only))
        {
            return CouldNotRun;
        }

        if (options.One("--key") is not { } keyFile)
        {
            return await FailAsync(errors, $"Give the auditor's private key with --key (make one with: crisiscoord-audit witness-key new --out auditor.pem).\n\n{Usage}");
        }

        using var key = ECDsa.Create();
        using var portalKey = ECDsa.Create();
        Func<Checkpoint, bool>? checkpointHolds = null;
        WitnessKeys witnesses;
        try
        {
            key.ImportFromPem(await File.ReadAllTextAsync(keyFile));
            if (!HasPrivateKey(key) || key.KeySize != 256)
            {
                return await FailAsync(errors, $"{keyFile} is not an ECDSA P-256 private key; witnessing needs the auditor's private key.");
            }

            if (options.One("--public-key") is { } portalKeyFile)
            {
                portalKey.ImportFromPem(await File.ReadAllTextAsync(portalKeyFile));
                checkpointHolds = c => c.SignatureHolds(portalKey);
            }

            // Earlier witnesses of this key count too: a chain rewritten since the last witness is refused.
            witnesses = await WitnessKeysAsync(options.All("--witness-key"), [key.ExportSubjectPublicKeyInfoPem()]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or CryptographicException)
        {
            return await FailAsync(errors, $"Could not read a key: {ex.Message}");
        }

        using (witnesses)
        {
            try
            {
                await using var db = DependencyInjection.CreateContext(connection);
                var chains = only is { } one ? [one] : await ChainAudit.ChainsAsync(db, CancellationToken.None);
                var keyId = Checkpoint.KeyIdOf(key);
                await output.WriteLineAsync($"Witnessing with auditor key {keyId}.");
                int broken = 0, signed = 0;
                foreach (var chain in chains)
                {
                    var result = await ChainAudit.VerifyAsync(db, chain, [], checkpointHolds, witnesses, CancellationToken.None);
                    var name = TimelineChains.Format(chain);
                    if (!await ReportAsync(output, chain, result) || result.Chain.Head is not { } head)
                    {
                        broken++;
                        await output.WriteLineAsync($"        not witnessed: {name} does not verify" + (result.Chain.Head is null ? " (it has no events)." : "."));
                        continue;
                    }

                    if (await db.Witnesses.AnyAsync(w => w.ChainId == chain && w.Sequence == head.Sequence && w.KeyId == keyId))
                    {
                        await output.WriteLineAsync($"        already witnessed at #{head.Sequence} by this key.");
                        continue;
                    }

                    var witness = Witness.Sign(chain, head, TimeProvider.System.GetUtcNow(), key);
                    db.Witnesses.Add(witness);
                    signed++;
                    await output.WriteLineAsync($"WITNESS {name}  head #{head.Sequence} {TimelineHash.Hex(head.Hash)} signed at {witness.WitnessedAt:yyyy-MM-dd HH:mm:ss} UTC");
                }

                await db.SaveChangesAsync();
                await output.WriteLineAsync($"{chains.Count} chain(s) checked, {signed} witnessed, {broken} broken and not witnessed.");
                return broken == 0 ? Intact : Broken;
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied)
            {
                return await FailAsync(errors,
                    $"Nothing was stored: this login may not insert witnessed checkpoints ({denied.MessageText}). Connect as a member of the crisiscoord_witness role (docs/operations.md).");
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException or DbUpdateException)
            {
                return await FailAsync(errors, $"Could not read or write the database: {ex.Message}");
            }
        }
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
