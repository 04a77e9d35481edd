using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// <c>CrisisCoord.Web --create-admin &lt;e-mail&gt; [--name "Display name"]</c>: the one way into a portal that
/// started empty (production never seeds the demo). Runs after the start-up checks and migrations, makes an
/// administrator in no organisation, records it on the registry chain as the system's act, and exits. Only
/// while there is no administrator: everyone after is added in the portal, by a person, on the record.
/// The password is read from CRISISCOORD_ADMIN_PASSWORD or the first line of standard input, never from
/// the command line (which other users of the machine can see).
/// </summary>
public static class CreateFirstAdministrator
{
    public const string Switch = "--create-admin";
    public const string PasswordVariable = "CRISISCOORD_ADMIN_PASSWORD";

    public static bool IsRequested(string[] args) => args.Contains(Switch);

    /// <summary>Runs the command; the process's exit code (0 done, 1 refused, 2 bad usage).</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = ValueAfter(args, Switch);
        if (email is null)
        {
            await Console.Error.WriteLineAsync($"Usage: CrisisCoord.Web {Switch} <e-mail> [--name \"Display name\"], with the password in {PasswordVariable} or on standard input.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : await Console.In.ReadLineAsync() ?? "";
        await using var scope = app.Services.CreateAsyncScope();
        var problem = await CreateAsync(scope.ServiceProvider, email, ValueAfter(args, "--name") ?? "Administrator", password, CancellationToken.None);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        Console.WriteLine($"Created the administrator {email}; sign in at /Account/SignIn.");
        return 0;
    }

    /// <summary>Makes the first administrator; the reason it did not, or null.</summary>
    public static async Task<string?> CreateAsync(IServiceProvider services, string email, string name, string password, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return "There is already an administrator: add people in the portal (People → Add person) instead.";
        }

        var rules = new InlineValidator<(string Email, string Name, string Password)>();
        rules.RuleFor(x => x.Email).AccountEmail(db);
        rules.RuleFor(x => x.Name).PersonName();
        rules.RuleFor(x => x.Password).AcceptablePassword(users);
        var result = await rules.ValidateAsync((email, name, password), ct);
        if (!result.IsValid)
        {
            return string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var timeline = services.GetRequiredService<TimelineRecorder>();
            timeline.Begin();
            await Accounts.CreateAsync(users, name, email, password, null, [Roles.Administrator]);
            // The system's act at installation, as the demo's first administrator is recorded.
            await timeline.RecordAsync("CreateUser", typeof(AppUser), null, null, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            await transaction.CommitAsync(ct);
        });
        return null;
    }

    private static string? ValueAfter(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
    }
}
