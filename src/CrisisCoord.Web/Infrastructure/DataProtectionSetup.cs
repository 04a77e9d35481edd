using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrisisCoord.Application.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// The keys behind sign-in cookies and antiforgery tokens: kept in PostgreSQL so every instance and every
/// restart reads the same ring, and encrypted there with a configured certificate (ADR 0018).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>PEM text holding an X.509 certificate and its RSA private key.</summary>
    public const string CertificateSetting = "DataProtection:Certificate";

    /// <summary>Fixed, so a cookie survives a new deployment path or container (the default derives it from the content root).</summary>
    public const string ApplicationName = "CrisisCoord";

    public static IServiceCollection AddCrisisCoordDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDbContext>();
        // A certificate that does not load is reported by ProductionGuards before the key ring is first used.
        if (Load(configuration[CertificateSetting]).Certificate is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    /// <summary>The certificate in <paramref name="pem"/>; none when unset; a problem when set but unusable.</summary>
    public static (X509Certificate2? Certificate, string? Problem) Load(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return (null, null);
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPem(pem, pem);
            using var key = certificate.GetRSAPrivateKey();
            if (key is not null)
            {
                return (certificate, null);
            }

            certificate.Dispose();
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
        }

        return (null, $"'{CertificateSetting}' must hold a PEM certificate and its unencrypted RSA private key " +
            "(environment variable DataProtection__Certificate; docs/operations.md shows how to make one).");
    }
}
