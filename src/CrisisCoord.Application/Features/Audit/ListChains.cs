using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>Every chain with its head, latest checkpoint and latest witnessed head: the auditor's starting point for verification.</summary>
[Performs(Act.AuditChains)]
public sealed record ListChainsQuery : IQuery<IReadOnlyList<ChainSummaryDto>>;

public sealed record ChainSummaryDto(
    string Chain,
    string Title,
    long Events,
    DateTimeOffset LastEventAt,
    CheckpointDto? LatestCheckpoint)
{
    /// <summary>The newest head an auditor co-signed whose signature holds; verifying says whether the chain still agrees.</summary>
    public WitnessDto? LatestWitness { get; init; }
}

public sealed class ListChainsQueryHandler(AppDbContext db, WitnessKeys witnesses) : IQueryHandler<ListChainsQuery, IReadOnlyList<ChainSummaryDto>>
{
    public async ValueTask<IReadOnlyList<ChainSummaryDto>> Handle(ListChainsQuery query, CancellationToken cancellationToken)
    {
        var heads = await db.TimelineEvents.AsNoTracking()
            .GroupBy(e => e.ChainId)
            .Select(g => new
            {
                ChainId = g.Key,
                Events = g.Max(e => e.Sequence),
                Last = g.Max(e => e.OccurredAt),
                Title = db.Incidents.Where(i => i.Id == g.Key).Select(i => i.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var latest = (await db.Checkpoints.AsNoTracking()
                .Where(c => c.TakenAt == db.Checkpoints.Where(x => x.ChainId == c.ChainId).Max(x => x.TakenAt))
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.ChainId)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Sequence)!);
        // Few rows (auditors witness now and then); each signature is checked, a forged row never shows.
        var witnessed = witnesses.KeyIds.Count == 0
            ? []
            : (await db.Witnesses.AsNoTracking().ToListAsync(cancellationToken))
                .Where(witnesses.Holds)
                .GroupBy(w => w.ChainId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Sequence).ThenByDescending(w => w.WitnessedAt).First());

        return [.. heads
            .OrderBy(h => h.ChainId != TimelineChains.Registry)
            .ThenByDescending(h => h.Last)
            .Select(h => new ChainSummaryDto(
                TimelineChains.Format(h.ChainId),
                h.ChainId == TimelineChains.Registry ? TimelineEventDto.RegistryTitle : h.Title ?? h.ChainId.ToString(),
                h.Events,
                h.Last,
                latest.TryGetValue(h.ChainId, out var c) ? CheckpointDto.From(c) : null)
            {
                LatestWitness = witnessed.TryGetValue(h.ChainId, out var w) ? WitnessDto.From(w) : null,
            })];
    }
}
