using CrisisCoord.Domain.Timeline;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>
/// A chain head co-signed by an auditor outside the portal. <see cref="Intact"/> is set when the chain
/// was verified against it: true when the chain still has this head and nothing before it is broken.
/// </summary>
public sealed record WitnessDto(string Chain, long Sequence, string Hash, DateTimeOffset WitnessedAt, string KeyId, string Algorithm, string Signature)
{
    public bool? Intact { get; init; }

    public static WitnessDto From(Witness w) => new(
        TimelineChains.Format(w.ChainId),
        w.Sequence,
        TimelineHash.Hex(w.HeadHash),
        w.WitnessedAt,
        w.KeyId,
        Checkpoint.Algorithm,
        Convert.ToBase64String(w.Signature));
}
