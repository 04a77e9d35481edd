using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Timeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>Every chain with its head and latest checkpoint: the auditor's starting point for verification.</summary>
[Performs(Act.AuditChains)]
public sealed record ListChainsQuery : IQuery<IReadOnlyList<ChainSummaryDto>>;

public sealed record ChainSummaryDto(
    string Chain,
    string Title,
    long Events,
    DateTimeOffset LastEventAt,
    CheckpointDto? LatestCheckpoint);

public sealed class ListChainsQueryHandler(AppDbContext db) : IQueryHandler<ListChainsQuery, IReadOnlyList<ChainSummaryDto>>
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

        return [.. heads
            .OrderBy(h => h.ChainId != TimelineChains.Registry)
            .ThenByDescending(h => h.Last)
            .Select(h => new ChainSummaryDto(
                TimelineChains.Format(h.ChainId),
                h.ChainId == TimelineChains.Registry ? TimelineEventDto.RegistryTitle : h.Title ?? h.ChainId.ToString(),
                h.Events,
                h.Last,
                latest.TryGetValue(h.ChainId, out var c) ? CheckpointDto.From(c) : null))];
    }
}
