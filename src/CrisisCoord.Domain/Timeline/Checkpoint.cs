using System.Security.Cryptography;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Timeline;

/// <summary>
/// A chain's head (sequence, hash) at a moment, signed with the portal's checkpoint key (ECDSA P-256,
/// SHA-256, signature as r‖s). An auditor who keeps one can later prove that the chain up to that
/// point is still the chain they saw, even if someone with full database access rewrote every hash.
/// </summary>
public sealed class Checkpoint : ISignedHead
{
    public const string Algorithm = "ES256";

    private Checkpoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChainId { get; private set; }

    public long Sequence { get; private set; }

    public byte[] HeadHash { get; private set; } = [];

    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>Which key signed it: the first 16 hex digits of SHA-256 over the public key.</summary>
    public string KeyId { get; private set; } = "";

    public byte[] Signature { get; private set; } = [];

    string ISignedHead.Description => $"the checkpoint signed at {TakenAt:yyyy-MM-dd HH:mm:ss} UTC";

    public static Checkpoint Sign(Guid chainId, ChainHead head, DateTimeOffset now, ECDsa key)
    {
        var takenAt = Microseconds.Truncate(now);
        return new Checkpoint
        {
            Id = Guid.CreateVersion7(now),
            ChainId = chainId,
            Sequence = head.Sequence,
            HeadHash = head.Hash,
            TakenAt = takenAt,
            KeyId = KeyIdOf(key),
            Signature = key.SignData(TimelineHash.EncodeCheckpoint(chainId, head.Sequence, head.Hash, takenAt), HashAlgorithmName.SHA256),
        };
    }

    /// <summary>A checkpoint as an auditor holds it (exported JSON, a stored row).</summary>
    public static Checkpoint Restore(Guid chainId, long sequence, byte[] headHash, DateTimeOffset takenAt, string keyId, byte[] signature) => new()
    {
        ChainId = chainId,
        Sequence = sequence,
        HeadHash = headHash,
        TakenAt = takenAt,
        KeyId = keyId,
        Signature = signature,
    };

    public bool SignatureHolds(ECDsa publicKey) =>
        Sequence > 0
        && HeadHash.Length == TimelineHash.Size
        && KeyId == KeyIdOf(publicKey)
        && publicKey.VerifyData(TimelineHash.EncodeCheckpoint(ChainId, Sequence, HeadHash, TakenAt), Signature, HashAlgorithmName.SHA256);

    public static string KeyIdOf(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
