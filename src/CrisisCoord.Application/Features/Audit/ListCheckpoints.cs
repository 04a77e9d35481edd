using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Timeline;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>Signed checkpoints, newest first, for auditors to download and keep.</summary>
[Performs(Act.AuditChains)]
public sealed record ListCheckpointsQuery : IQuery<IReadOnlyList<CheckpointDto>>
{
    public const int Limit = 200;

    /// <summary><c>registry</c>, an incident's id, or empty for all chains.</summary>
    public string? Chain { get; init; }
}

public sealed class ListCheckpointsQueryValidator : AbstractValidator<ListCheckpointsQuery>
{
    public ListCheckpointsQueryValidator() =>
        RuleFor(x => x.Chain).ChainName();
}

public sealed class ListCheckpointsQueryHandler(AppDbContext db) : IQueryHandler<ListCheckpointsQuery, IReadOnlyList<CheckpointDto>>
{
    public async ValueTask<IReadOnlyList<CheckpointDto>> Handle(ListCheckpointsQuery query, CancellationToken cancellationToken)
    {
        Guid? chain = TimelineChains.TryParse(query.Chain, out var c) ? c : null;
        var rows = await db.Checkpoints.AsNoTracking()
            .Where(x => chain == null || x.ChainId == chain)
            .OrderByDescending(x => x.TakenAt).ThenByDescending(x => x.Sequence)
            .Take(ListCheckpointsQuery.Limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(CheckpointDto.From)];
    }
}
