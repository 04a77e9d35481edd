using System.Security.Cryptography;
using System.Text;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Every secret that is, or once was, written in the repository's configuration (appsettings*.json,
/// docker-compose.yml, deploy/, run.sh). Anyone can read them, so <see cref="ProductionGuards"/> refuses them
/// outside Development. Kept as SHA-256 fingerprints so this list publishes nothing new; CommittedSecretsTests
/// scans those files and fails when a secret-looking value there is missing from it.
/// </summary>
public static class CommittedSecrets
{
    private static readonly HashSet<string> Fingerprints =
    [
        // Auth:Tokens:SigningKey in appsettings.Development.json.
        "6a114dded60af5d8ecb9baa23ba0ee1cfc4a26663129369a980009ec3445a940",
        // The signing key docker-compose.yml used to default to (change-me-compose-signing-key-…).
        "e903f7ea74706a639a1520ec8bc6c1458f1d5db28e50ac7934a86d86a0670e76",
        // Timeline:CheckpointSigningKey in appsettings.Development.json.
        "236aa8f4bd28b1424ac426cbc67d3e33f7ad42bcd98e997b1570f8f0fb842b2d",
        // "crisiscoord": the owner's password in run.sh (and once in appsettings.json and docker-compose.yml).
        "321c3756ff11df94668b19f5228ec74c700677e4ba37ebe9717b4a2bcc777ecb",
        // "crisiscoord-web": the app login's password once in deploy/postgres-init and docker-compose.yml.
        "03a8d932912f5e24b1ecb84d35e758414343d867131cc63bb2456fd030275256",
    ];

    public static bool Contains(string? value) => !string.IsNullOrWhiteSpace(value) && Fingerprints.Contains(Fingerprint(value));

    /// <summary>
    /// SHA-256 of the value without whitespace or escaped line breaks, so a PEM matches however its lines
    /// were written (JSON "\n", YAML block, environment variable).
    /// </summary>
    public static string Fingerprint(string value)
    {
        var compact = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\\n", "", StringComparison.Ordinal))
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compact.ToString())));
    }
}
