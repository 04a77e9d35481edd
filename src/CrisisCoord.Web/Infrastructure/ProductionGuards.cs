using CrisisCoord.Application;
using CrisisCoord.Application.Data;
using CrisisCoord.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>The portal stopped at start-up because of its configuration or its database role; the message says what to change.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// What the portal refuses to start with outside Development (docs/operations.md, "Production checklist";
/// ADR 0018): a secret published in this repository, a missing key-ring certificate, demo seeding, and a
/// database login that could change the timeline. In Development each is a warning.
/// </summary>
public static class ProductionGuards
{
    private const string Checklist = "See docs/operations.md, \"Production checklist\".";

    /// <summary>Runs before anything touches the database, so a published password is never even tried.</summary>
    public static void RefuseUnsafeConfiguration(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var (fatal, unsafeOutsideDevelopment) = ConfigurationProblems(configuration);
        if (!environment.IsDevelopment())
        {
            fatal.AddRange(unsafeOutsideDevelopment);
        }
        else
        {
            foreach (var problem in unsafeOutsideDevelopment)
            {
                logger.LogWarning("Allowed in Development only: {Problem}", problem);
            }
        }

        Refuse(fatal, environment, logger);
    }

    /// <summary>
    /// Problems in every environment, and those allowed only in Development. Each names the setting, its
    /// environment variable and how to fix it.
    /// </summary>
    public static (List<string> Fatal, List<string> OutsideDevelopment) ConfigurationProblems(IConfiguration configuration)
    {
        List<string> fatal = [];
        List<string> outsideDevelopment = [];

        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(DependencyInjection.ConnectionStringName)))
        {
            fatal.Add($"'ConnectionStrings:{DependencyInjection.ConnectionStringName}' is not set: set the environment variable " +
                $"ConnectionStrings__{DependencyInjection.ConnectionStringName} to the app login's connection string " +
                "(\"Host=…;Database=crisiscoord;Username=crisiscoord_web;Password=…\").");
        }

        foreach (var name in new[] { DependencyInjection.ConnectionStringName, DependencyInjection.MigrationsConnectionStringName })
        {
            if (CommittedSecrets.Contains(PasswordIn(configuration.GetConnectionString(name))))
            {
                outsideDevelopment.Add($"The password in 'ConnectionStrings:{name}' is published in this repository: give that login a " +
                    $"password of your own (ALTER ROLE … PASSWORD …) and put it in ConnectionStrings__{name}.");
            }
        }

        if (CommittedSecrets.Contains(configuration[$"{TokenOptions.Section}:SigningKey"]))
        {
            outsideDevelopment.Add($"'{TokenOptions.Section}:SigningKey' is a key published in this repository: set " +
                "Auth__Tokens__SigningKey to a secret of your own, e.g. the output of `openssl rand -base64 48`.");
        }

        if (CommittedSecrets.Contains(configuration["Timeline:CheckpointSigningKey"]))
        {
            outsideDevelopment.Add("'Timeline:CheckpointSigningKey' is a key published in this repository: set Timeline__CheckpointSigningKey " +
                "to a P-256 key of your own (`openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt`).");
        }

        var certificate = configuration[DataProtectionSetup.CertificateSetting];
        if (DataProtectionSetup.Load(certificate) is { Problem: { } unusable })
        {
            fatal.Add(unusable);
        }
        else if (string.IsNullOrWhiteSpace(certificate))
        {
            outsideDevelopment.Add($"'{DataProtectionSetup.CertificateSetting}' is not set, so the keys behind sign-in cookies would be " +
                "stored unencrypted: set DataProtection__Certificate to a PEM certificate with its RSA private key " +
                "(scripts/compose-secrets.sh makes one).");
        }
        else if (CommittedSecrets.Contains(certificate))
        {
            outsideDevelopment.Add($"'{DataProtectionSetup.CertificateSetting}' is a certificate published in this repository: make one of your own.");
        }

        if (configuration.GetValue<bool>($"{DemoDataOptions.Section}:Seed"))
        {
            outsideDevelopment.Add("'DemoData:Seed' is true, and every demo account's password is published: set DemoData__Seed=false " +
                "and create the first administrator with `CrisisCoord.Web --create-admin <e-mail>`.");
        }

        return (fatal, outsideDevelopment);
    }

    /// <summary>
    /// After migrations: the trigger guards the timeline against everyone, but a superuser, the tables' owner
    /// (or a member of the owner's role) can switch it off, and a role granted UPDATE, DELETE or TRUNCATE
    /// shows the grants have drifted from crisiscoord_app's. The portal runs as none of those.
    /// </summary>
    public static async Task RefuseTimelineWritableRoleAsync(AppDbContext db, IHostEnvironment environment, ILogger logger, CancellationToken ct)
    {
        List<string> problems;
        try
        {
            problems = await TimelineWritableReasonsAsync(db, ct);
        }
        catch (NpgsqlException ex) when (ex.IsTransient)
        {
            // As with reference data: start, let /health/ready report the database down, check at the next start.
            logger.LogError(ex, "The database could not be reached at start-up; the app's login was not checked for rights on the timeline");
            return;
        }

        if (problems.Count == 0)
        {
            return;
        }

        var problem = $"The app's login (ConnectionStrings:{DependencyInjection.ConnectionStringName}) can change the timeline: " +
            $"{string.Join("; ", problems)}. Run the portal as a login in {DatabaseRoles.ApplicationRole} " +
            $"(CREATE ROLE crisiscoord_web LOGIN PASSWORD '…' IN ROLE {DatabaseRoles.ApplicationRole}) and apply migrations " +
            $"as the owner through ConnectionStrings:{DependencyInjection.MigrationsConnectionStringName}.";
        if (environment.IsDevelopment())
        {
            logger.LogWarning("Allowed in Development only: {Problem}", problem);
            return;
        }

        Refuse([problem], environment, logger);
    }

    /// <summary>Why the current login could change timeline_events; empty when it cannot.</summary>
    public static async Task<List<string>> TimelineWritableReasonsAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        TimelineRights role;
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT r.rolsuper,
                       pg_has_role(current_user, c.relowner, 'MEMBER'),
                       has_table_privilege('timeline_events', 'UPDATE'),
                       has_table_privilege('timeline_events', 'DELETE'),
                       has_table_privilege('timeline_events', 'TRUNCATE'),
                       has_parameter_privilege('session_replication_role', 'SET')
                FROM pg_class c, pg_roles r
                WHERE c.oid = 'timeline_events'::regclass AND r.rolname = current_user
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            role = new TimelineRights(reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        List<string> reasons = [];
        if (role.Superuser)
        {
            reasons.Add("it is a superuser");
        }

        if (role.Owner)
        {
            reasons.Add("it owns timeline_events (or is a member of the owner's role) and so may disable its trigger");
        }

        reasons.AddRange(new[] { (role.CanUpdate, "UPDATE"), (role.CanDelete, "DELETE"), (role.CanTruncate, "TRUNCATE") }
            .Where(r => r.Item1 && !role.Superuser && !role.Owner)
            .Select(r => $"it holds {r.Item2} on timeline_events"));
        if (role.CanSkipTriggers && !role.Superuser)
        {
            reasons.Add("it may SET session_replication_role, which skips the timeline's trigger");
        }

        return reasons;
    }

    private static void Refuse(List<string> problems, IHostEnvironment environment, ILogger logger)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var message = $"CrisisCoord refuses to start in the {environment.EnvironmentName} environment:{Environment.NewLine}" +
            string.Concat(problems.Select(p => $"  - {p}{Environment.NewLine}")) + Checklist;
        logger.LogCritical("{Refusal}", message);
        throw new StartupRefusedException(message);
    }

    private static string? PasswordIn(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            // Malformed: Npgsql reports it with its own message when the app first connects.
            return null;
        }
    }

    private sealed record TimelineRights(bool Superuser, bool Owner, bool CanUpdate, bool CanDelete, bool CanTruncate, bool CanSkipTriggers);
}
