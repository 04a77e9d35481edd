using System.Diagnostics;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Timeline;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using JwtTokenOptions = CrisisCoord.Web.Infrastructure.Auth.TokenOptions;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>
/// docker-compose.yml's portal, with the .env that scripts/compose-secrets.sh writes, passes every production
/// guard. There is no Docker here, so compose's own interpolation is done by hand on its simple YAML.
/// </summary>
public sealed partial class ComposeSecretsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-secrets").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_generated_env_file_gives_the_compose_portal_settings_that_pass_every_production_guard()
    {
        var envFile = Path.Combine(_directory, ".env");
        Run(envFile).ExitCode.ShouldBe(0);
        var env = File.ReadAllLines(envFile)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].StartsWith('"') ? pair[1].Trim('"').Replace("\\n", "\n", StringComparison.Ordinal) : pair[1]);

        var settings = AppEnvironment().ToDictionary(
            setting => setting.Key.Replace("__", ":", StringComparison.Ordinal),
            setting => Required().Replace(setting.Value, match => env[match.Groups["name"].Value]));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings!).Build();

        settings["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
        var (fatal, outsideDevelopment) = ProductionGuards.ConfigurationProblems(configuration);
        fatal.ShouldBeEmpty();
        outsideDevelopment.ShouldBeEmpty();
        configuration.GetSection(JwtTokenOptions.Section).Get<JwtTokenOptions>()!.Problem(isDevelopment: false).ShouldBeNull();
        configuration.GetSection(TimelineOptions.Section).Get<TimelineOptions>()!.Problem(isDevelopment: false).ShouldBeNull();
        DataProtectionSetup.Load(configuration[DataProtectionSetup.CertificateSetting]).Certificate.ShouldNotBeNull();
        configuration.GetConnectionString("CrisisCoord")!.ShouldContain("Username=crisiscoord_web");

        // A second run keeps the passwords the database was created with.
        Run(envFile).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public void The_compose_file_holds_no_secret_and_no_default_for_one()
    {
        var compose = File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml"));

        compose.ShouldNotContain(":-");
        // Kestrel's certificate settings are file paths (deploy/tls/, made by the script), not secrets.
        var secrets = AppEnvironment().Where(s => !s.Key.StartsWith("ASPNETCORE_Kestrel", StringComparison.Ordinal)
            && (s.Key.Contains("Key", StringComparison.Ordinal) || s.Key.Contains("Certificate", StringComparison.Ordinal) || s.Key.StartsWith("ConnectionStrings", StringComparison.Ordinal)));
        secrets.Count().ShouldBe(5);
        secrets.ShouldAllBe(s => Required().IsMatch(s.Value));
    }

    /// <summary>The app service's environment map, read from the compose file's plain two-space YAML.</summary>
    private static List<KeyValuePair<string, string>> AppEnvironment()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docker-compose.yml"));
        var app = Array.IndexOf(lines, "  app:");
        var environment = Array.IndexOf(lines, "    environment:", app);
        return [.. lines.Skip(environment + 1)
            .TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .Select(line => line.Trim().Split(": ", 2))
            .Select(pair => new KeyValuePair<string, string>(pair[0], pair[1].Trim('"')))];
    }

    private static Process Run(string envFile)
    {
        var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "compose-secrets.sh"), envFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.WaitForExit();
        return process;
    }

    [GeneratedRegex(@"\$\{(?<name>\w+):\?[^}]*\}")]
    private static partial Regex Required();
}
