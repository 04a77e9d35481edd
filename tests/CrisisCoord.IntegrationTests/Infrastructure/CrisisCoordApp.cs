using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>The real application (Program) on a real, freshly migrated PostgreSQL database.</summary>
public class CrisisCoordApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public CrisisCoordApp()
        : this("integration")
    {
    }

    protected CrisisCoordApp(string purpose)
    {
        Database = new TestDatabase(purpose);
        // Outside Development cookies are Secure (__Host-): the test client speaks HTTPS, as browsers must.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>Another instance of the portal on an already started app's database (scale-out tests).</summary>
    protected CrisisCoordApp(TestDatabase shared)
    {
        Database = shared;
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public TestDatabase Database { get; }

    public const string TestSigningKey = "integration-tests-signing-key-0123456789";

    public TestClock Clock { get; } = new();

    /// <summary>Where this test run's security log goes (a date is added to the file name).</summary>
    public string SecurityLogPath { get; } = Path.Combine(Path.GetTempPath(), $"crisiscoord-security-{Guid.NewGuid():N}", "security-.clef");

    public TestMailServer Mail => TestMailServer.Shared;

    /// <summary>A checkpoint key made for this test run.</summary>
    public static readonly string CheckpointKeyPem = NewCheckpointKey();

    /// <summary>The test auditor's private key: the audit tool signs with it, the app is given only its public half.</summary>
    public static readonly string AuditorKeyPem = NewCheckpointKey();

    public static string AuditorPublicKeyPem
    {
        get
        {
            using var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportFromPem(AuditorKeyPem);
            return key.ExportSubjectPublicKeyInfoPem();
        }
    }

    /// <summary>A certificate made for this test run that encrypts the data-protection key ring, as production requires.</summary>
    public static readonly string DataProtectionCertificatePem = NewDataProtectionCertificate();

    private static string NewDataProtectionCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=CrisisCoord tests", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem();
    }

    private static string NewCheckpointKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>Empties the database and puts back the reference data every deployment has.</summary>
    public async Task ResetAsync()
    {
        Clock.Reset();
        await Database.ResetAsync();
        await using var db = Database.CreateContext();
        await ReferenceData.EnsureAsync(db, TimeProvider.System, CancellationToken.None);
        // The reset's deletes fire no triggers (replica session), so the portal is told here that its charters went.
        Services.GetRequiredService<CharterCache>().Invalidate();
        Services.GetRequiredService<SharedReads>().Forget();
        Services.GetRequiredService<CrisisCoord.Application.Localization.TextVersions>().Forget();
    }

    /// <summary>
    /// Runs a write made straight to the database, as an operator's psql would, of something the portal keeps in
    /// memory (charters, organisations), and waits until the portal has heard of it, as it does within milliseconds.
    /// </summary>
    public async Task BehindThePortalAsync(Func<Task> write)
    {
        var charters = Services.GetRequiredService<CharterCache>();
        var before = charters.Version;
        await write();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (charters.IsListening && charters.Version == before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The portal did not hear of a change to its charters within 10 s.");
            }

            await Task.Delay(10);
        }
    }

    public virtual async Task InitializeAsync() => await Database.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:CrisisCoord", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:CrisisCoordMigrations", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Seed", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Auth:Tokens:SigningKey", TestSigningKey);
        builder.UseSetting("Timeline:CheckpointSigningKey", CheckpointKeyPem);
        builder.UseSetting("DataProtection:Certificate", DataProtectionCertificatePem);
        builder.UseSetting("Timeline:CheckpointInterval", "00:00:00");
        builder.UseSetting("Timeline:WitnessKeys:0", AuditorPublicKeyPem);
        // Tests record breaches when they ask (BreachWatch), not on a timer that races their assertions.
        builder.UseSetting("Obligations:WatchInterval", "00:00:00");
        // Likewise the notification e-mail sender and the due-soon and digest watch: tests run a round when they ask.
        builder.UseSetting("Notifications:MailInterval", "00:00:00");
        builder.UseSetting("Notifications:WatchInterval", "00:00:00");
        // No tile server answers here (port 9 refuses): the dashboard map must still show its markers.
        builder.UseSetting("Map:TileUrl", "http://127.0.0.1:9/{z}/{x}/{y}.png");
        // Tests move the clock on by hours and days; sessions must outlive that (the limits have their own tests).
        builder.UseSetting("Auth:Sessions:AbsoluteHours", "168");
        // Hundreds of sign-ins and writes from one address in seconds; the limits have their own tests.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Diagnostics:RoundTrips", "true");
        builder.UseSetting("SecurityLog:Path", SecurityLogPath);
        UseTestMail(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>Mail goes over SMTP to a real server in this process (<see cref="TestMailServer"/>).</summary>
    public static void UseTestMail(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", TestMailServer.Shared.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:PickupDirectory", "");
        builder.UseSetting("Mail:FromAddress", "no-reply@crisiscoord.test");
        builder.UseSetting("Mail:PortalUrl", "http://localhost/");
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<CrisisCoordApp>
{
    public const string Name = "app";
}

/// <summary>Base for tests against the app: every test starts from an empty database.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(CrisisCoordApp app) : IAsyncLifetime
{
    protected CrisisCoordApp App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
