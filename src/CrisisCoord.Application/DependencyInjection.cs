using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.Application;

public static class DependencyInjection
{
    public const string ConnectionStringName = "CrisisCoord";

    /// <summary>
    /// The owner's connection, used only to apply migrations; when absent the app's own connection is
    /// used (then the app role owns the tables, which the timeline's trigger still guards).
    /// </summary>
    public const string MigrationsConnectionStringName = "CrisisCoordMigrations";

    /// <summary>The database, validators and clock. The mediator itself is registered by the host,
    /// where its source generator runs.</summary>
    public static IServiceCollection AddCrisisCoordApplication(this IServiceCollection services)
    {
        // Read when the first context is made, so hosts (and test hosts) can set it late.
        services.AddDbContext<AppDbContext>((services, options) => options
            .UseNpgsql(ConnectionString(services.GetRequiredService<IConfiguration>()), npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 3))
            .UseSnakeCaseNamingConvention());

        services.AddValidatorsFromAssemblyContaining<AppDbContext>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessPolicy>();
        services.AddScoped<TimelineRecorder>();
        // Rules read from configuration once, at start-up, not on every request.
        services.AddSingleton(services => IncidentCommands.GradedResponse(services.GetRequiredService<IConfiguration>()));
        services.AddSingleton(services => GetIncidentBalanceQueryHandler.Rules(services.GetRequiredService<IConfiguration>()));
        services.AddSingleton(services => ObligationFinder.Rules(services.GetRequiredService<IConfiguration>()));
        services.AddSingleton(services => InventoryImportLimits.From(services.GetRequiredService<IConfiguration>()));
        services.AddScoped<InventoryFileReader>();
        return services;
    }

    public static string MigrationsConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(MigrationsConnectionStringName) is { Length: > 0 } owner ? owner : ConnectionString(configuration);

    public static AppDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"No connection string 'ConnectionStrings:{ConnectionStringName}' is configured. " +
            $"Set it in appsettings or as the environment variable ConnectionStrings__{ConnectionStringName}.");
}
