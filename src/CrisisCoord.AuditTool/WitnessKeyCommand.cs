using System.Security.Cryptography;
using CrisisCoord.Domain.Timeline;

namespace CrisisCoord.AuditTool;

public static partial class AuditCli
{
    /// <summary>
    /// <c>witness-key new --out file</c> makes the auditor's key pair (the private key never leaves the
    /// file, which only its owner may read); <c>witness-key public --key file</c> prints the public half,
    /// which is all the portal is given.
    /// </summary>
    private static async Task<int> WitnessKeyAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var action = args.Length > 1 ? args[1] : "";
        if (action is not ("new" or "public")
            || await ParseAsync(args[2..], errors, action == "new" ? "--out" : "--key") is not { } options)
        {
            return await FailAsync(errors, $"Use 'witness-key new --out auditor.pem' or 'witness-key public --key auditor.pem'.\n\n{Usage}");
        }

        try
        {
            if (action == "public")
            {
                using var existing = ECDsa.Create();
                existing.ImportFromPem(await File.ReadAllTextAsync(options.One("--key") ?? throw new ArgumentException("Give the key file with --key.")));
                await output.WriteAsync(existing.ExportSubjectPublicKeyInfoPem() + "\n");
                return Intact;
            }

            var file = options.One("--out") ?? throw new ArgumentException("Give the file for the private key with --out.");
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            // CreateNew: an existing key is never overwritten (witnesses signed with it could no longer be renewed).
            await using (var writer = new StreamWriter(file, streamOptions))
            {
                await writer.WriteAsync(key.ExportPkcs8PrivateKeyPem() + "\n");
            }

            await errors.WriteLineAsync($"Wrote the private key {Checkpoint.KeyIdOf(key)} to {file}: keep it secret and away from the portal. Its public key, for Timeline__WitnessKeys__0:");
            await output.WriteAsync(key.ExportSubjectPublicKeyInfoPem() + "\n");
            return Intact;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            return await FailAsync(errors, $"Could not {(action == "new" ? "write" : "read")} the key: {ex.Message}");
        }
    }
}
