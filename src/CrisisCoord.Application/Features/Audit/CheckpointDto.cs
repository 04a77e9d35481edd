using System.Globalization;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Timeline;
using FluentValidation;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>
/// A signed checkpoint as an auditor downloads and keeps it, and hands back to have a chain checked
/// against it. <see cref="Hash"/> is hex; <see cref="Signature"/> is base64 of ECDSA P-256 r‖s over the
/// encoding in docs/timeline.md.
/// </summary>
public sealed record CheckpointDto(
    string Chain,
    long Sequence,
    string Hash,
    DateTimeOffset TakenAt,
    string KeyId,
    string Algorithm,
    string Signature)
{
    public static CheckpointDto From(Checkpoint c) => new(
        TimelineChains.Format(c.ChainId),
        c.Sequence,
        TimelineHash.Hex(c.HeadHash),
        c.TakenAt,
        c.KeyId,
        Checkpoint.Algorithm,
        Convert.ToBase64String(c.Signature));

    /// <summary>The checkpoint, or null when a field cannot be read (the validator reports which).</summary>
    public Checkpoint? ToCheckpoint()
    {
        try
        {
            return TimelineChains.TryParse(Chain, out var chain) && Sequence >= 1
                ? Checkpoint.Restore(chain, Sequence, Convert.FromHexString(Hash), Microseconds.Truncate(TakenAt), KeyId, Convert.FromBase64String(Signature))
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [JsonIgnore]
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"checkpoint-{Chain}-{Sequence}.json");
}

public sealed class CheckpointDtoValidator : AbstractValidator<CheckpointDto>
{
    public CheckpointDtoValidator()
    {
        RuleFor(x => x.Chain).NotEmpty().WithMessage(_ => Texts.Format("Validation.Audit.NotAChain", "")).ChainName();
        RuleFor(x => x.Sequence).GreaterThanOrEqualTo(1).WithMessage(_ => Texts.Get("Validation.Audit.CheckpointSSequence1"));
        RuleFor(x => x.Hash)
            .Must(v => v is { Length: 64 } && v.All(Uri.IsHexDigit))
            .WithMessage(_ => Texts.Get("Validation.Audit.CheckpointSHash64"));
        RuleFor(x => x.Algorithm)
            .Equal(Checkpoint.Algorithm)
            .WithMessage(_ => Texts.Format("Validation.Audit.CheckpointsIssuedPortal", Checkpoint.Algorithm));
        RuleFor(x => x.Signature)
            .Must(v => v is { Length: > 0 and <= 200 } && Convert.TryFromBase64String(v, new byte[v.Length], out _))
            .WithMessage(_ => Texts.Get("Validation.Audit.CheckpointSSignatureBase64"));
        RuleFor(x => x.KeyId).NotEmpty().MaximumLength(16).WithMessage(_ => Texts.Get("Validation.Audit.CheckpointSKeyIdMissing"));
    }
}
