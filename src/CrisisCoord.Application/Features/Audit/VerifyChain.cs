using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>
/// Walks a chain, recomputes every hash, checks every link and the sequence, and compares the result
/// with the portal's stored checkpoints, the auditors' witnessed checkpoints and, if given, one the
/// auditor kept.
/// </summary>
[Performs(Act.AuditChains)]
public sealed record VerifyChainQuery(string Chain) : IQuery<ChainVerificationDto>
{
    public CheckpointDto? Checkpoint { get; init; }
}

public sealed record ChainVerificationDto(
    string Chain,
    string ChainTitle,
    bool Ok,
    long EventsChecked,
    long? HeadSequence,
    string? HeadHash,
    DateTimeOffset? HeadTime,
    long? FirstBrokenSequence,
    string? Problem,
    int CheckpointsCompared,
    IReadOnlyList<string> CheckpointProblems,
    DateTimeOffset VerifiedAt)
{
    /// <summary>The event at the first broken sequence, as stored, when there is one.</summary>
    public TimelineEventDto? BrokenEvent { get; init; }

    /// <summary>How many auditor-witnessed checkpoints (signatures holding) the chain was compared with.</summary>
    public int WitnessesCompared { get; init; }

    /// <summary>The newest head an auditor co-signed, and whether the chain still agrees with it.</summary>
    public WitnessDto? Witness { get; init; }

    /// <summary>False when the portal lists no auditor keys (Timeline:WitnessKeys): witnesses are then not checked.</summary>
    public bool WitnessKeysConfigured { get; init; }
}

public sealed class VerifyChainQueryValidator : AbstractValidator<VerifyChainQuery>
{
    public VerifyChainQueryValidator()
    {
        RuleFor(x => x.Chain).NotEmpty().WithMessage(_ => Texts.Format("Validation.Audit.NotAChain", "")).ChainName();
        RuleFor(x => x.Checkpoint!).SetValidator(new CheckpointDtoValidator()).When(x => x.Checkpoint is not null);
        RuleFor(x => x.Checkpoint!.Chain)
            .Must((query, chain) => string.Equals(chain, query.Chain, StringComparison.OrdinalIgnoreCase))
            .When(x => x.Checkpoint is not null)
            .WithMessage(_ => Texts.Get("Validation.Audit.CheckpointAnotherChainThan"))
            .OverridePropertyName("Checkpoint.Chain");
    }
}

public sealed class VerifyChainQueryHandler(AppDbContext db, CheckpointSigner signer, WitnessKeys witnesses, TimeProvider clock)
    : IQueryHandler<VerifyChainQuery, ChainVerificationDto>
{
    public async ValueTask<ChainVerificationDto> Handle(VerifyChainQuery query, CancellationToken cancellationToken)
    {
        TimelineChains.TryParse(query.Chain, out var chain);
        var title = await ChainTitleAsync(db, chain, cancellationToken);
        var supplied = query.Checkpoint?.ToCheckpoint() is { } checkpoint ? [checkpoint] : Array.Empty<Checkpoint>();
        var result = await ChainAudit.VerifyAsync(db, chain, supplied, signer.Holds, witnesses, cancellationToken);
        var v = result.Chain;
        var broken = v.FirstBreak is { } b
            ? await db.TimelineEvents.AsNoTracking().Where(e => e.ChainId == chain && e.Sequence == b.Sequence).Project(db).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ChainVerificationDto(
            TimelineChains.Format(chain),
            title,
            result.Ok,
            v.EventsChecked,
            v.Head?.Sequence,
            v.Head is null ? null : TimelineHash.Hex(v.Head.Hash),
            v.Head?.OccurredAt,
            v.FirstBreak?.Sequence,
            v.FirstBreak?.Problem,
            result.CheckpointsCompared,
            result.CheckpointProblems,
            clock.GetUtcNow())
        {
            BrokenEvent = broken?.ForReader(),
            WitnessesCompared = result.WitnessesCompared,
            Witness = result.NewestWitness is { } w ? WitnessDto.From(w.Witness) with { Intact = w.Intact } : null,
            WitnessKeysConfigured = witnesses.KeyIds.Count > 0,
        };
    }

    /// <summary>The registry, or the incident's title; an id that is neither is not found.</summary>
    public static async Task<string> ChainTitleAsync(AppDbContext db, Guid chain, CancellationToken ct) =>
        chain == TimelineChains.Registry
            ? TimelineEventDto.RegistryTitle
            : await db.Incidents.AsNoTracking().Where(i => i.Id == chain).Select(i => i.Title).SingleOrDefaultAsync(ct)
              ?? (await db.TimelineEvents.AnyAsync(e => e.ChainId == chain, ct) ? chain.ToString() : throw new NotFoundException("Chain", chain));
}
