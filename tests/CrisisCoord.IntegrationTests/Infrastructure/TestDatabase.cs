using CrisisCoord.Application;
using CrisisCoord.Application.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Testcontainers.PostgreSql;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL database for one test assembly. As in npgsql/efcore.pg's own tests: a server
/// named by the environment variable <see cref="ServerVariable"/> wins (./test.sh sets it);
/// otherwise Testcontainers starts one in Docker. The database is created fresh, migrated the same
/// way the app migrates, and emptied between tests with Respawn.
/// </summary>
public sealed class TestDatabase(string purpose) : IAsyncDisposable
{
    public const string ServerVariable = "CRISISCOORD_TEST_DB";

    private PostgreSqlContainer? _container;
    private Respawner? _respawner;
    private string? _serverConnectionString;

    /// <summary>The owner's (a superuser's) connection: migrations, test set-up, and tampering.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The app's connection: a login in the crisiscoord_app role, as in production.</summary>
    public string AppConnectionString { get; private set; } = "";

    /// <summary>The audit tool's connection for witnessing: a login in the crisiscoord_witness role.</summary>
    public string WitnessConnectionString { get; private set; } = "";

    public const string WitnessLogin = "crisiscoord_test_witness";

    public const string AppLogin = "crisiscoord_test_app";
    public const string AppPassword = "crisiscoord-test-app";

    /// <summary>Creates the database; migrates it unless the test is about migrating.</summary>
    public async Task StartAsync(bool migrate = true)
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            _serverConnectionString = _container.GetConnectionString();
        }

        var name = $"crisiscoord_{purpose}_{Environment.ProcessId}";
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString)
        {
            Database = name,
            // Tests run one at a time; a small pool avoids piling up server processes.
            MaxPoolSize = 20,
        }.ConnectionString;

        AppConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = AppLogin, Password = AppPassword }.ConnectionString;
        WitnessConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = WitnessLogin, Password = AppPassword }.ConnectionString;

        // Cluster-wide roles, as ./run.sh and docker-compose create them before the first migration.
        await ExecuteOnServerAsync($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DatabaseRoles.ApplicationRole}') THEN
                    CREATE ROLE {DatabaseRoles.ApplicationRole} NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppLogin}') THEN
                    CREATE ROLE {AppLogin} LOGIN PASSWORD '{AppPassword}' IN ROLE {DatabaseRoles.ApplicationRole};
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DatabaseRoles.WitnessRole}') THEN
                    CREATE ROLE {DatabaseRoles.WitnessRole} NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{WitnessLogin}') THEN
                    CREATE ROLE {WitnessLogin} LOGIN PASSWORD '{AppPassword}' IN ROLE {DatabaseRoles.WitnessRole};
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$;
            """);

        if (!migrate)
        {
            return;
        }

        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__EFMigrationsHistory")],
        });
    }

    public AppDbContext CreateContext() => DependencyInjection.CreateContext(ConnectionString);

    /// <summary>Runs SQL as the owner (a superuser), e.g. to tamper with the timeline the way an intruder would.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        // A write in this process, though not through EF: the portal's shared reads must not outlive it (ADR 0033).
        WriteCounter.Instance.Add();
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // The timeline refuses DELETE through its trigger; a superuser's replica session does not fire triggers.
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }

        await (_respawner ?? throw new InvalidOperationException("This database was not migrated by the test set-up.")).ResetAsync(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverConnectionString is not null && ConnectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
