using System.Security.Cryptography;
using CrisisCoord.Domain.Timeline;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Application.Timeline;

public sealed class TimelineOptions
{
    public const string Section = "Timeline";

    /// <summary>
    /// The checkpoint signing key: an ECDSA P-256 private key in PEM (PKCS#8 "BEGIN PRIVATE KEY" or
    /// "BEGIN EC PRIVATE KEY"). Must be set outside Development. Make one with
    /// <c>openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt</c>.
    /// </summary>
    public string CheckpointSigningKey { get; set; } = "";

    /// <summary>How often every chain that grew is checkpointed; zero turns periodic checkpoints off.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Public keys (PEM "BEGIN PUBLIC KEY") of the auditors whose witnessed checkpoints count
    /// (Timeline__WitnessKeys__0, __1, …). Never private keys: the auditor keeps those.
    /// </summary>
    public List<string> WitnessKeys { get; set; } = [];

    /// <summary>The key id of the key in appsettings.Development.json: public, so never accepted outside Development.</summary>
    public const string DevelopmentKeyId = "80ab3e9d87744cac";

    public string? Problem(bool isDevelopment)
    {
        using var key = TryLoad(CheckpointSigningKey);
        return key is null
            ? $"'{Section}:CheckpointSigningKey' must be an ECDSA P-256 private key in PEM (environment variable Timeline__CheckpointSigningKey)."
            : !isDevelopment && Checkpoint.KeyIdOf(key) == DevelopmentKeyId
                ? $"'{Section}:CheckpointSigningKey' is the published development key; set a key of your own outside Development."
                : CheckpointInterval < TimeSpan.Zero
                    ? $"'{Section}:CheckpointInterval' must be zero (off) or a positive time span such as 01:00:00."
                    : null;
    }

    internal static ECDsa? TryLoad(string pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                return key;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
        }

        key.Dispose();
        return null;
    }
}

/// <summary>Signs chain heads with the configured key (checked at start-up) and checks checkpoints against it.</summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa _key;

    public CheckpointSigner(IOptions<TimelineOptions> options)
    {
        _key = TimelineOptions.TryLoad(options.Value.CheckpointSigningKey)
            ?? throw new InvalidOperationException(options.Value.Problem(isDevelopment: true));
        KeyId = Checkpoint.KeyIdOf(_key);
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    public string KeyId { get; }

    /// <summary>Give this to auditors: it checks checkpoints but cannot make them.</summary>
    public string PublicKeyPem { get; }

    public Checkpoint Sign(Guid chainId, ChainHead head, DateTimeOffset now) => Checkpoint.Sign(chainId, head, now, _key);

    public bool Holds(Checkpoint checkpoint) => checkpoint.SignatureHolds(_key);

    public void Dispose() => _key.Dispose();
}
