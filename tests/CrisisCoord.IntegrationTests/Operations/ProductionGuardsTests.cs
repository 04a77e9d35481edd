using System.Net;
using System.Text.Json.Nodes;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>The real app started in Production: refused with what docs/operations.md's checklist forbids, started with proper settings.</summary>
public sealed class ProductionGuardsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("guards");

    public Task InitializeAsync() => _database.StartAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Starts_in_production_with_its_own_secrets_and_the_app_login()
    {
        await using var app = Production();

        var ready = await app.CreateClient().GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = _database.CreateContext();
        (await db.Organisations.CountAsync()).ShouldBe(0, "production starts empty");
    }

    public static TheoryData<string, string> PublishedSecrets() => new()
    {
        { "Auth:Tokens:SigningKey", DevelopmentSetting("Auth", "Tokens", "SigningKey") },
        { "Auth:Tokens:SigningKey", "change-me-compose-signing-key-0000000000" },
        { "Timeline:CheckpointSigningKey", DevelopmentSetting("Timeline", "CheckpointSigningKey") },
    };

    [Theory]
    [MemberData(nameof(PublishedSecrets))]
    public void Refuses_a_key_published_in_the_repository(string setting, string value)
    {
        using var app = Production((setting, value));

        Refusal(app).ShouldContain($"'{setting}' is a key published in this repository");
    }

    [Theory]
    [InlineData("CrisisCoord", "crisiscoord-web")]
    [InlineData("CrisisCoordMigrations", "crisiscoord")]
    public void Refuses_a_password_published_in_the_repository(string connection, string password)
    {
        var published = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Password = password }.ConnectionString;
        using var app = Production(($"ConnectionStrings:{connection}", published));

        Refusal(app).ShouldContain($"The password in 'ConnectionStrings:{connection}' is published in this repository");
    }

    [Fact]
    public async Task Refuses_demo_seeding_and_seeds_nothing()
    {
        using var app = Production(("DemoData:Seed", "true"));

        Refusal(app).ShouldContain("'DemoData:Seed' is true");
        await using var db = _database.CreateContext();
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void Refuses_to_keep_the_key_ring_unencrypted_or_with_an_unusable_certificate()
    {
        using (var app = Production(("DataProtection:Certificate", "")))
        {
            Refusal(app).ShouldContain("'DataProtection:Certificate' is not set");
        }

        using var broken = Production(("DataProtection:Certificate", CrisisCoordApp.CheckpointKeyPem));
        Refusal(broken).ShouldContain("'DataProtection:Certificate' must hold a PEM certificate");
    }

    [Fact]
    public void Refuses_a_missing_connection_string_naming_the_variable()
    {
        using var app = Production(("ConnectionStrings:CrisisCoord", ""));

        Refusal(app).ShouldContain("ConnectionStrings__CrisisCoord");
    }

    [Theory]
    [InlineData("superuser", "it is a superuser")]
    [InlineData("owner", "it owns timeline_events")]
    [InlineData("update", "it holds UPDATE on timeline_events")]
    [InlineData("delete", "it holds DELETE on timeline_events")]
    [InlineData("truncate", "it holds TRUNCATE on timeline_events")]
    [InlineData("replica", "it may SET session_replication_role")]
    public async Task Refuses_a_login_that_can_change_the_timeline(string kind, string reason)
    {
        var login = $"guards_{kind}";
        var connection = _database.ConnectionString;
        if (kind != "superuser")
        {
            await _database.ExecuteAsync($"CREATE ROLE {login} LOGIN PASSWORD 'guards-pw' IN ROLE crisiscoord_app");
            await _database.ExecuteAsync(kind switch
            {
                "owner" => $"ALTER TABLE timeline_events OWNER TO {login}",
                "replica" => $"GRANT SET ON PARAMETER session_replication_role TO {login}",
                _ => $"GRANT {kind.ToUpperInvariant()} ON timeline_events TO {login}",
            });
            connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = login, Password = "guards-pw" }.ConnectionString;
        }

        try
        {
            using var app = Production(("ConnectionStrings:CrisisCoord", connection));

            Refusal(app).ShouldContain(reason);
        }
        finally
        {
            // Roles belong to the cluster: leave none behind.
            if (kind != "superuser")
            {
                NpgsqlConnection.ClearAllPools();
                await _database.ExecuteAsync($"REASSIGN OWNED BY {login} TO CURRENT_USER; DROP OWNED BY {login}; DROP ROLE {login}");
            }
        }
    }

    [Fact]
    public async Task Starting_in_development_only_warns()
    {
        await using var app = Production(("DemoData:Seed", "false"), ("ConnectionStrings:CrisisCoord", _database.ConnectionString), ("DataProtection:Certificate", ""))
            .WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

        (await app.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A production set-up with secrets of its own and the app login; <paramref name="overrides"/> spoil one thing.</summary>
    private WebApplicationFactory<Program> Production(params (string Setting, string Value)[] overrides) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CrisisCoord", _database.AppConnectionString);
            builder.UseSetting("ConnectionStrings:CrisisCoordMigrations", _database.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("DemoData:Seed", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
            builder.UseSetting("Auth:Tokens:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
            builder.UseSetting("Timeline:CheckpointSigningKey", CrisisCoordApp.CheckpointKeyPem);
            CrisisCoordApp.UseTestMail(builder);
            CrisisCoordApp.UseTestMail(builder);
            builder.UseSetting("Timeline:CheckpointInterval", "00:00:00");
            builder.UseSetting("Obligations:WatchInterval", "00:00:00");
            builder.UseSetting("DataProtection:Certificate", CrisisCoordApp.DataProtectionCertificatePem);
            foreach (var (setting, value) in overrides)
            {
                builder.UseSetting(setting, value);
            }
        });

    /// <summary>The message the app stopped with; fails when it started.</summary>
    private static string Refusal(WebApplicationFactory<Program> app)
    {
        var thrown = Should.Throw<Exception>(() => app.CreateClient());
        for (Exception? e = thrown; e is not null; e = e.InnerException)
        {
            if (e is StartupRefusedException refused)
            {
                return refused.Message;
            }
        }

        throw new ShouldAssertException($"The app stopped, but not with a refusal: {thrown}");
    }

    private static string DevelopmentSetting(params string[] path)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "CrisisCoord.Web", "appsettings.Development.json")))!;
        return path.Aggregate(json, (node, name) => node[name]!).GetValue<string>();
    }
}
