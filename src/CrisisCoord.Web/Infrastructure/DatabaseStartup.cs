using CrisisCoord.Application;
using CrisisCoord.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrisisCoord.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; }
}

public static class DatabaseStartup
{
    /// <summary>Applies migrations and seeds the demo scenario, each only when configured to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            // As the owner, when one is configured: the app's own role may not create tables.
            await using var owner = DependencyInjection.CreateContext(DependencyInjection.MigrationsConnectionString(app.Configuration));
            var pending = (await owner.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
                await owner.Database.MigrateAsync();
            }
        }

        try
        {
            await WarnIfTimelineWritableAsync(services.GetRequiredService<AppDbContext>(), logger);
            // The demo first, so that on a fresh demo database the installation step is dated with the scenario.
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(app.Environment, CancellationToken.None);
            await ReferenceData.EnsureAsync(
                services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is RetryLimitExceededException || ex is NpgsqlException { IsTransient: true })
        {
            // Start anyway: /health/ready reports the database as down until it is back, and the next
            // start-up fills in what is missing.
            logger.LogError(ex, "The database could not be reached at start-up; reference data was not checked");
        }
    }

    /// <summary>
    /// The trigger guards the timeline against everyone, but only a role without UPDATE and DELETE on it
    /// (a member of crisiscoord_app that does not own the tables) also cannot switch the trigger off.
    /// </summary>
    private static async Task WarnIfTimelineWritableAsync(AppDbContext db, ILogger logger)
    {
        var writable = await db.Database
            .SqlQuery<bool>($"SELECT has_table_privilege('timeline_events', 'UPDATE') OR has_table_privilege('timeline_events', 'DELETE') AS \"Value\"")
            .SingleAsync();
        if (writable)
        {
            logger.LogWarning(
                "The app connects as a database role that may UPDATE or DELETE timeline events (an owner or superuser). " +
                "Run it as a member of {Role} and apply migrations with ConnectionStrings:{Owner}; see docs/operations.md",
                DatabaseRoles.ApplicationRole,
                DependencyInjection.MigrationsConnectionStringName);
        }
    }
}
