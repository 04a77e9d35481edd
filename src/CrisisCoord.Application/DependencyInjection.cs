using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.Application;

public static class DependencyInjection
{
    public const string ConnectionStringName = "CrisisCoord";

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
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"No connection string 'ConnectionStrings:{ConnectionStringName}' is configured. " +
            $"Set it in appsettings or as the environment variable ConnectionStrings__{ConnectionStringName}.");
}
