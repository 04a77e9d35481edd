using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>
/// Signs the head of one chain, or of every chain that grew since its last checkpoint. Not a command:
/// it attests the record rather than changes it, so auditors, who change nothing, may take one, and it
/// is not itself a timeline event.
/// </summary>
[Performs(Act.SignCheckpoints)]
public sealed record TakeCheckpointRequest : IRequest<IReadOnlyList<CheckpointDto>>
{
    /// <summary><c>registry</c>, an incident's id, or empty for every chain that grew.</summary>
    public string? Chain { get; init; }
}

public sealed class TakeCheckpointRequestValidator : AbstractValidator<TakeCheckpointRequest>
{
    public TakeCheckpointRequestValidator() =>
        RuleFor(x => x.Chain).ChainName();
}

public sealed class TakeCheckpointRequestHandler(AppDbContext db, CheckpointSigner signer, TimeProvider clock)
    : IRequestHandler<TakeCheckpointRequest, IReadOnlyList<CheckpointDto>>
{
    public async ValueTask<IReadOnlyList<CheckpointDto>> Handle(TakeCheckpointRequest request, CancellationToken cancellationToken)
    {
        Guid? chain = TimelineChains.TryParse(request.Chain, out var c) ? c : null;
        var taken = await Checkpoints.TakeAsync(db, signer, clock, chain, cancellationToken);
        return [.. taken.Select(CheckpointDto.From)];
    }
}
