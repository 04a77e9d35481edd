using System.Security.Cryptography;
using CrisisCoord.Domain.Timeline;

namespace CrisisCoord.Application.Timeline;

/// <summary>
/// The auditors' public keys (<see cref="TimelineOptions.WitnessKeys"/>): a witnessed checkpoint counts
/// only if its signature holds under one of them. A row in timeline_witnesses proves nothing by being
/// there; whoever could insert it, only an auditor's private key makes its signature hold.
/// </summary>
public sealed class WitnessKeys : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys = [];

    /// <summary>Loads PEM public keys; call <see cref="Problem"/> first, a key that does not load is skipped.</summary>
    public WitnessKeys(IEnumerable<string> pems)
    {
        foreach (var pem in pems)
        {
            if (LoadPublic(pem) is { } key && !_keys.TryAdd(Checkpoint.KeyIdOf(key), key))
            {
                key.Dispose();
            }
        }
    }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public bool Holds(Witness witness) => _keys.TryGetValue(witness.KeyId, out var key) && witness.SignatureHolds(key);

    /// <summary>Why the configured keys cannot be used, or null. A private key is refused: the portal must never hold one.</summary>
    public static string? Problem(IReadOnlyList<string> pems)
    {
        for (var i = 0; i < pems.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(pems[i]))
            {
                continue;
            }

            if (PemEncoding.TryFind(pems[i], out var found) && pems[i][found.Label] != "PUBLIC KEY")
            {
                return $"'{TimelineOptions.Section}:WitnessKeys:{i}' is a private key. Give the portal only the auditor's public key (crisiscoord-audit witness-key public --key auditor.pem); the auditor keeps the private key.";
            }

            using var key = LoadPublic(pems[i]);
            if (key is null)
            {
                return $"'{TimelineOptions.Section}:WitnessKeys:{i}' must be an ECDSA P-256 public key in PEM (BEGIN PUBLIC KEY).";
            }
        }

        return null;
    }

    /// <summary>One key from PEM "BEGIN PUBLIC KEY" on P-256, or null.</summary>
    public static ECDsa? LoadPublic(string pem) =>
        PemEncoding.TryFind(pem, out var found) && pem[found.Label] == "PUBLIC KEY" ? TimelineOptions.TryLoad(pem) : null;

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
