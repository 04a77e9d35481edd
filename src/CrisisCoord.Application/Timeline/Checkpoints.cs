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
        // Each chain's head in one query: the highest sequence per chain, joined back for its hash and time.
        var heads = await (
                from top in db.TimelineEvents
                    .Where(e => chainId == null || e.ChainId == chainId)
                    .GroupBy(e => e.ChainId)
                    .Select(g => new { ChainId = g.Key, Sequence = g.Max(e => e.Sequence) })
                join e in db.TimelineEvents on new { top.ChainId, top.Sequence } equals new { e.ChainId, e.Sequence }
                select new { e.ChainId, Head = new ChainHead(e.Sequence, e.Hash, e.OccurredAt) })
            .AsNoTracking()
            .ToListAsync(ct);
        var checkpointed = await db.Checkpoints.AsNoTracking()
            .Where(c => chainId == null || c.ChainId == chainId)
            .GroupBy(c => c.ChainId)
            .Select(g => new { ChainId = g.Key, Sequence = g.Max(c => c.Sequence) })
            .ToDictionaryAsync(x => x.ChainId, x => x.Sequence, ct);

        var now = clock.GetUtcNow();
        var taken = heads
            .Where(h => !checkpointed.TryGetValue(h.ChainId, out var done) || done < h.Head.Sequence)
            .Select(h => signer.Sign(h.ChainId, h.Head, now))
            .ToList();
        db.Checkpoints.AddRange(taken);
        await db.SaveChangesAsync(ct);
        return taken;
    }
}
