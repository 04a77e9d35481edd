using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>The portal as ./run.sh starts it: migrating its own database and seeding the demo scenario into it.</summary>
public static class DemoPortal
{
    public static WebApplicationFactory<Program> Start(TestDatabase database) => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CrisisCoord", database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:CrisisCoordMigrations", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("DemoData:Seed", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("RateLimits:Enabled", "false");
        CrisisCoordApp.UseTestMail(builder);
    });
}
