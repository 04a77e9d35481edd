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

    public string ConnectionString { get; private set; } = "";

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

    public AppDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(ConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options);

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
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
