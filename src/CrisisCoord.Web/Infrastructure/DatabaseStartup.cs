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
            var db = services.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
                await db.Database.MigrateAsync();
            }
        }

        try
        {
            await ReferenceData.EnsureAsync(
                services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(app.Environment, CancellationToken.None);
        }
        catch (Exception ex) when (ex is RetryLimitExceededException || ex is NpgsqlException { IsTransient: true })
        {
            // Start anyway: /health/ready reports the database as down until it is back, and the next
            // start-up fills in what is missing.
            logger.LogError(ex, "The database could not be reached at start-up; reference data was not checked");
        }
    }
}
