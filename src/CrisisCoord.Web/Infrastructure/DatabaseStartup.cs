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
        ProductionGuards.RefuseUnsafeConfiguration(app.Configuration, app.Environment, logger);

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

        await ProductionGuards.RefuseTimelineWritableRoleAsync(services.GetRequiredService<AppDbContext>(), app.Environment, logger, CancellationToken.None);
        try
        {
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
}
