using System.Net;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>The app, started on an empty database with MigrateOnStartup, builds its own schema.</summary>
public sealed class StartupMigrationTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("startup");

    public Task InitializeAsync() => _database.StartAsync(migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_empty_database_is_migrated_at_start_up_and_the_app_is_ready()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:CrisisCoord", _database.AppConnectionString);
            builder.UseSetting("ConnectionStrings:CrisisCoordMigrations", _database.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("DemoData:Seed", "false");
            builder.UseSetting("Auth:Tokens:SigningKey", CrisisCoordApp.TestSigningKey);
            CrisisCoordApp.UseTestMail(builder);
            builder.UseSetting("Timeline:CheckpointSigningKey", CrisisCoordApp.CheckpointKeyPem);
            builder.UseSetting("DataProtection:Certificate", CrisisCoordApp.DataProtectionCertificatePem);
        });

        var ready = await app.CreateClient().GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = _database.CreateContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        (await db.Incidents.CountAsync()).ShouldBe(0);
        // Reference data is put in place at start-up, whether or not demo data is seeded.
        (await db.Roles.Select(r => r.Name).ToListAsync()).Order().ShouldBe(CrisisCoord.Application.Security.Roles.All.Order());
        (await db.ResourceTypes.CountAsync()).ShouldBeGreaterThanOrEqualTo(10);
        // ...by the app's own role, and recorded as the registry chain's first event.
        var first = await db.TimelineEvents.SingleAsync();
        first.Action.ShouldBe("EnsureReferenceData");
        first.Sequence.ShouldBe(1);
        first.ActorUserId.ShouldBeNull();
    }
}
