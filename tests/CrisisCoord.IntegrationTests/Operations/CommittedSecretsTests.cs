using System.Text.Json;
using System.Text.RegularExpressions;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Infrastructure;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>
/// Every secret-looking value in the repository's configuration is on <see cref="CommittedSecrets"/>, so a key
/// committed tomorrow cannot be used in production unnoticed. Reads the files, needs no database.
/// </summary>
public sealed partial class CommittedSecretsTests
{
    [Fact]
    public void Every_secret_in_the_committed_configuration_is_refused_outside_development()
    {
        var found = ConfigurationFiles().SelectMany(file => SecretsIn(file).Select(secret => (File: Path.GetRelativePath(Repository.Root, file), Secret: secret))).ToList();

        // The scan must see what is known to be there, or it proves nothing.
        found.ShouldContain(f => f.Secret.StartsWith("development-only-signing-key", StringComparison.Ordinal));
        found.ShouldContain(f => f.Secret.Contains("BEGIN PRIVATE KEY", StringComparison.Ordinal));
        var missing = found.Where(f => !CommittedSecrets.Contains(f.Secret))
            .Select(f => $"{f.File}: a value starting '{f.Secret[..Math.Min(6, f.Secret.Length)]}…' (fingerprint {CommittedSecrets.Fingerprint(f.Secret)})")
            .ToList();
        missing.ShouldBeEmpty("Add these fingerprints to CommittedSecrets, or take the secret out of the repository");
    }

    [Theory]
    [InlineData("Auth__Tokens__SigningKey: ${CRISISCOORD_SIGNING_KEY:-some-default-key-value}", "some-default-key-value")]
    [InlineData("POSTGRES_PASSWORD: hunter2-hunter2", "hunter2-hunter2")]
    [InlineData("CREATE ROLE x LOGIN PASSWORD 'quoted-secret' IN ROLE y;", "quoted-secret")]
    [InlineData("Host=db;Username=app;Password=in-a-connection-string;Pooling=true", "in-a-connection-string")]
    [InlineData("DB_PASSWORD=plain", "plain")]
    public void The_scan_finds_secrets_written_in_every_form_the_files_use(string line, string secret) =>
        SecretsInText(line).ShouldContain(secret);

    [Theory]
    [InlineData("POSTGRES_PASSWORD: ${CRISISCOORD_DB_PASSWORD:?run scripts/compose-secrets.sh}")]
    [InlineData("Password=$DB_PASSWORD")]
    [InlineData("# pg_init DIR SUPERUSER_PASSWORD: a new cluster (password auth over TCP).")]
    [InlineData("CREATE ROLE x LOGIN PASSWORD :'web_password' IN ROLE y;")]
    public void The_scan_ignores_references_to_secrets_kept_elsewhere(string line) =>
        SecretsInText(line).ShouldBeEmpty();

    private static IEnumerable<string> ConfigurationFiles()
    {
        var root = Repository.Root;
        var web = Path.Combine(root, "src", "CrisisCoord.Web");
        return Directory.EnumerateFiles(web, "appsettings*.json")
            // deploy/tls/ holds this installation's own certificate (git-ignored, made by scripts/compose-secrets.sh).
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "deploy"), "*", SearchOption.AllDirectories)
                .Where(file => !Path.GetRelativePath(root, file).Replace('\\', '/').StartsWith("deploy/tls/", StringComparison.Ordinal)))
            .Concat(new[] { "docker-compose.yml", "Dockerfile", "run.sh" }.Select(name => Path.Combine(root, name)).Where(File.Exists));
    }

    private static IEnumerable<string> SecretsIn(string file) =>
        file.EndsWith(".json", StringComparison.Ordinal) ? SecretsInJson(JsonDocument.Parse(File.ReadAllText(file)).RootElement, "") : SecretsInText(File.ReadAllText(file));

    /// <summary>String settings named like a secret, PEM blocks, and passwords inside connection strings.</summary>
    private static IEnumerable<string> SecretsInJson(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => SecretsInJson(p.Value, $"{path}:{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => SecretsInJson(e, path)),
        JsonValueKind.String when SecretName().IsMatch(path.Split(':')[^1]) || element.GetString()!.Contains("-----BEGIN", StringComparison.Ordinal) =>
            [element.GetString()!],
        JsonValueKind.String => SecretsInText(element.GetString()!),
        _ => [],
    };

    private static List<string> SecretsInText(string text)
    {
        List<string> secrets = [.. Pem().Matches(text).Select(m => m.Value)];
        // Comments describe settings ("SUPERUSER_PASSWORD: a new cluster…"); values are on the other lines.
        var code = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith('#') && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        foreach (Match match in Assignment().Matches(code))
        {
            var value = match.Groups["value"].Value.Trim().Trim('"', '\'');
            // ${VAR:-default} commits its default; ${VAR:?message}, ${VAR} and $VAR refer to a secret kept elsewhere.
            if (DefaultedVariable().Match(value) is { Success: true } defaulted)
            {
                value = defaulted.Groups["default"].Value;
            }
            else if (value.StartsWith('$') || value.StartsWith(':'))
            {
                continue;
            }

            if (value.Length > 0 && !value.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                secrets.Add(value);
            }
        }

        return secrets;
    }

    [GeneratedRegex(@"(key|secret|password|certificate)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.Singleline)]
    private static partial Regex Pem();

    // NAME: value, NAME=value (YAML, shell, connection strings) and SQL's PASSWORD 'value', for names ending like a secret;
    // not psql's :'variable'.
    [GeneratedRegex(@"(?:(?:key|secret|password)\s*(?::(?!')|=)\s*(?<value>""[^""]*""|'[^']*'|[^\s;]+)|\bPASSWORD\s+(?<value>'[^']*'))", RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\$\{\w+:?-(?<default>[^}]*)\}$")]
    private static partial Regex DefaultedVariable();
}
