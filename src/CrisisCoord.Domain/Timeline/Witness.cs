using System.Security.Cryptography;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Timeline;

/// <summary>
/// A chain's head co-signed by an auditor outside the portal (ECDSA P-256, SHA-256, r‖s), after the
/// auditor's own tool verified the chain in full. The portal never holds the auditor's private key, so
/// whoever controls the portal cannot make one: a chain rewritten behind the portal's back — even with
/// its own checkpoints re-signed — disagrees with every witness taken before.
/// </summary>
public sealed class Witness : ISignedHead
{
    private Witness()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChainId { get; private set; }

    public long Sequence { get; private set; }

    public byte[] HeadHash { get; private set; } = [];

    public DateTimeOffset WitnessedAt { get; private set; }

    /// <summary>The auditor's key: the first 16 hex digits of SHA-256 over its public key.</summary>
    public string KeyId { get; private set; } = "";

    public byte[] Signature { get; private set; } = [];

    string ISignedHead.Description => $"the checkpoint witnessed with auditor key {KeyId} at {WitnessedAt:yyyy-MM-dd HH:mm:ss} UTC";

    public static Witness Sign(Guid chainId, ChainHead head, DateTimeOffset now, ECDsa key)
    {
        var at = Microseconds.Truncate(now);
        var keyId = Checkpoint.KeyIdOf(key);
        return new Witness
        {
            Id = Guid.CreateVersion7(now),
            ChainId = chainId,
            Sequence = head.Sequence,
            HeadHash = head.Hash,
            WitnessedAt = at,
            KeyId = keyId,
            Signature = key.SignData(TimelineHash.EncodeWitness(chainId, head.Sequence, head.Hash, at, keyId), HashAlgorithmName.SHA256),
        };
    }

    public static Witness Restore(Guid chainId, long sequence, byte[] headHash, DateTimeOffset witnessedAt, string keyId, byte[] signature) => new()
    {
        ChainId = chainId,
        Sequence = sequence,
        HeadHash = headHash,
        WitnessedAt = witnessedAt,
        KeyId = keyId,
        Signature = signature,
    };

    public bool SignatureHolds(ECDsa publicKey) =>
        Sequence > 0
        && HeadHash.Length == TimelineHash.Size
        && KeyId == Checkpoint.KeyIdOf(publicKey)
        && publicKey.VerifyData(TimelineHash.EncodeWitness(ChainId, Sequence, HeadHash, WitnessedAt, KeyId), Signature, HashAlgorithmName.SHA256);
}

/// <summary>A signed chain head the walk is compared with: the portal's checkpoint or an auditor's witness.</summary>
public interface ISignedHead
{
    Guid ChainId { get; }

    long Sequence { get; }

    byte[] HeadHash { get; }

    /// <summary>How a finding names it, e.g. "the checkpoint signed at … UTC".</summary>
    string Description { get; }
}
