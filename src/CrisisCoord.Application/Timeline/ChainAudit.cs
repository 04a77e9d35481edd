using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Timeline;

/// <summary>The result of checking one chain, with what its checkpoints and witnesses said.</summary>
public sealed record ChainAuditResult(ChainVerification Chain, int CheckpointsCompared, IReadOnlyList<string> CheckpointProblems)
{
    public bool Ok => Chain.Ok && CheckpointProblems.Count == 0;

    public int WitnessesCompared { get; init; }

    /// <summary>The newest witness whose signature holds under an auditor's key, or null.</summary>
    public WitnessedHead? NewestWitness { get; init; }
}

/// <summary>
/// The newest head an auditor co-signed. <see cref="Intact"/>: the chain still has that head and
/// nothing before it is broken.
/// </summary>
public sealed record WitnessedHead(Witness Witness, bool Intact);

/// <summary>
/// Verification of whole chains as stored, shared by the verify page, the API and the command-line
/// audit tool: events are read in sequence order in fixed-size batches (memory stays flat), every
/// hash is recomputed, and the walk is compared with the checkpoints stored in the database and any
/// the auditor brings.
/// </summary>
public static class ChainAudit
{
    private const int BatchSize = 5000;

    /// <summary>
    /// Verifies one chain. <paramref name="signatureHolds"/> checks a checkpoint's signature; it is null
    /// when no key is at hand, and then checkpoints are compared unsigned. <paramref name="witnesses"/>
    /// are the auditors' public keys; with none, witnesses are not looked at (never trusted unsigned).
    /// </summary>
    public static async Task<ChainAuditResult> VerifyAsync(
        AppDbContext db, Guid chainId, IReadOnlyList<Checkpoint> supplied, Func<Checkpoint, bool>? signatureHolds, WitnessKeys? witnesses, CancellationToken ct)
    {
        var stored = await db.Checkpoints.AsNoTracking().Where(c => c.ChainId == chainId).ToListAsync(ct);
        var problems = new List<string>();
        var trusted = new List<Checkpoint>();
        foreach (var checkpoint in stored.Select(c => (c, "stored")).Concat(supplied.Select(c => (c, "supplied"))))
        {
            if (checkpoint.c.ChainId != chainId)
            {
                problems.Add($"The {checkpoint.Item2} checkpoint at #{checkpoint.c.Sequence} is for chain {TimelineChains.Format(checkpoint.c.ChainId)}, not this one.");
            }
            else if (signatureHolds is not null && !signatureHolds(checkpoint.c))
            {
                problems.Add($"The {checkpoint.Item2} checkpoint at #{checkpoint.c.Sequence} ({checkpoint.c.TakenAt:yyyy-MM-dd HH:mm:ss} UTC) does not carry a valid signature of this portal's key {checkpoint.c.KeyId}: it was altered or made elsewhere.");
            }
            else
            {
                trusted.Add(checkpoint.c);
            }
        }

        var witnessed = new List<Witness>();
        if (witnesses is { KeyIds.Count: > 0 })
        {
            foreach (var witness in await db.Witnesses.AsNoTracking().Where(w => w.ChainId == chainId).ToListAsync(ct))
            {
                if (witnesses.Holds(witness))
                {
                    witnessed.Add(witness);
                }
                else
                {
                    problems.Add($"The witnessed checkpoint at #{witness.Sequence} ({witness.WitnessedAt:yyyy-MM-dd HH:mm:ss} UTC, key {witness.KeyId}) does not carry a valid signature of a configured auditor key: it was forged or altered, or its key is not listed in {TimelineOptions.Section}:WitnessKeys. It is not counted.");
                }
            }
        }

        var verifier = new ChainVerifier(chainId);
        verifier.Remember(trusted.Select(c => c.Sequence).Concat(witnessed.Select(w => w.Sequence)));
        var last = 0L;
        while (true)
        {
            var batch = await db.TimelineEvents.AsNoTracking()
                .Where(e => e.ChainId == chainId && e.Sequence > last)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0 || !batch.All(verifier.Check) || batch.Count < BatchSize)
            {
                break;
            }

            last = batch[^1].Sequence;
        }

        var verification = verifier.Complete(trusted.Cast<ISignedHead>().Concat(witnessed));
        var newest = witnessed.OrderByDescending(w => w.Sequence).ThenByDescending(w => w.WitnessedAt).FirstOrDefault();
        return new ChainAuditResult(verification, trusted.Count, problems)
        {
            WitnessesCompared = witnessed.Count,
            NewestWitness = newest is null ? null : new WitnessedHead(newest, verification.FirstBreak is not { } b || b.Sequence > newest.Sequence),
        };
    }

    /// <summary>Every chain that has events: the registry and each incident's.</summary>
    public static Task<List<Guid>> ChainsAsync(AppDbContext db, CancellationToken ct) =>
        db.TimelineEvents.AsNoTracking().Select(e => e.ChainId).Distinct().OrderBy(c => c).ToListAsync(ct);
}
