using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Live;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // Read when the first context is made, so hosts (and test hosts) can set it late. Pooled: setting up a
        // context's services for every request was a fifth of a small write's CPU (docs/PERFORMANCE.md).
        services.AddDbContextPool<AppDbContext>((services, options) => options
            .UseNpgsql(ConnectionString(services.GetRequiredService<IConfiguration>()), npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 3))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(RoundTrips.Instance, WriteCounter.Instance));

        // A validator that needs nothing of the request is built once: building its rules was a measurable share of a
        // small request's CPU. Those that read the database live as long as the request's context.
        services.AddValidatorsFromAssemblyContaining<AppDbContext>(
            ServiceLifetime.Scoped,
            filter: found => !NeedsNothing(found.ValidatorType),
            includeInternalTypes: true);
        services.AddValidatorsFromAssemblyContaining<AppDbContext>(
            ServiceLifetime.Singleton,
            filter: found => NeedsNothing(found.ValidatorType),
            includeInternalTypes: true);
        ValidationTexts.NameFieldsInReadersLanguage();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessPolicy>();
        services.AddScoped<Subjects>();
        services.AddSingleton<CharterCache>();
        services.AddSingleton<SharedReads>();
        services.AddSingleton<Localization.TextVersions>();
        services.AddSingleton<AccessRules>();
        services.AddScoped<TimelineRecorder>();
        services.TryAddSingleton<ILiveSignals, NoScreens>();
        services.AddSessions();
        // Rules read from configuration once, at start-up, not on every request.
        services.AddSingleton(services => IncidentCommands.GradedResponse(services.GetRequiredService<IConfiguration>()));
        // From Balance:* (e.g. Balance__MonopolyShare=0.7) and Obligations:* (e.g. Obligations__AcknowledgeTaskInResponse=00:15:00).
        services.AddRules("Balance", BalanceRules.Default);
        services.AddRules("Obligations", ObligationRules.Default);
        services.AddSingleton(services => InventoryImportLimits.From(services.GetRequiredService<IConfiguration>()));
        services.AddScoped<InventoryFileReader>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<AccountMail>();
        services.AddWarnings();
        return services;
    }

    /// <summary>Sign-in, sessions and the security log; Auth:Sessions:* is checked when the app starts.</summary>
    private static void AddSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionLimits>()
            .BindConfiguration(SessionLimits.Section)
            .Validate(o => o.Problem() is null, "Auth:Sessions is not usable: IdleMinutes 1–1440, AbsoluteHours 1–168, AccessTokenMinutes 1–15, RecheckSeconds 0–60.")
            .ValidateOnStart();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SecurityLog>();
        services.AddScoped<SessionStore>();
        services.AddScoped<BrowserSessions>();
        services.AddScoped<ApiSessions>();
        services.AddScoped<AccessTokenStore>();
        services.AddScoped<Credentials>();
        services.AddOptions<TwoFactorRules>().BindConfiguration(TwoFactorRules.Section);
        services.AddSingleton<SpentCodes>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<SecondStepTickets>();
    }

    /// <summary>Rules bound from a configuration section once, at start-up; the DOMAIN defaults where it is absent.</summary>
    private static void AddRules<TRules>(this IServiceCollection services, string section, TRules defaults)
        where TRules : class =>
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(section) is { } found && found.Exists()
                ? found.Get<TRules>() ?? defaults
                : defaults);

    private static bool NeedsNothing(Type validator) =>
        validator.GetConstructors().All(c => c.GetParameters().Length == 0);

    public static string MigrationsConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(MigrationsConnectionStringName) is { Length: > 0 } owner ? owner : ConnectionString(configuration);

    public static AppDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().AddInterceptors(WriteCounter.Instance).Options);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"No connection string 'ConnectionStrings:{ConnectionStringName}' is configured. " +
            $"Set it in appsettings or as the environment variable ConnectionStrings__{ConnectionStringName}.");
}
