using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Timeline;

/// <summary>Signs chain heads: on demand (an auditor, an administrator) and periodically (a background service).</summary>
public static class Checkpoints
{
    /// <summary>
    /// Checkpoints <paramref name="chainId"/>, or every chain that grew since its last checkpoint. A
    /// chain whose head is already checkpointed gets no second one.
    /// </summary>
    public static async Task<IReadOnlyList<Checkpoint>> TakeAsync(
        AppDbContext db, CheckpointSigner signer, TimeProvider clock, Guid? chainId, CancellationToken ct)
    {
        var heads = await db.TimelineEvents.AsNoTracking()
            .Where(e => chainId == null || e.ChainId == chainId)
            .GroupBy(e => e.ChainId)
            .Select(g => new { ChainId = g.Key, Sequence = g.Max(e => e.Sequence) })
            .ToListAsync(ct);
        var checkpointed = await db.Checkpoints.AsNoTracking()
            .Where(c => chainId == null || c.ChainId == chainId)
            .GroupBy(c => c.ChainId)
            .Select(g => new { ChainId = g.Key, Sequence = g.Max(c => c.Sequence) })
            .ToDictionaryAsync(x => x.ChainId, x => x.Sequence, ct);

        var taken = new List<Checkpoint>();
        foreach (var head in heads.Where(h => !checkpointed.TryGetValue(h.ChainId, out var done) || done < h.Sequence))
        {
            var e = await db.TimelineEvents.AsNoTracking()
                .SingleAsync(x => x.ChainId == head.ChainId && x.Sequence == head.Sequence, ct);
            taken.Add(signer.Sign(head.ChainId, new ChainHead(e.Sequence, e.Hash, e.OccurredAt), clock.GetUtcNow()));
        }

        db.Checkpoints.AddRange(taken);
        await db.SaveChangesAsync(ct);
        return taken;
    }
}
