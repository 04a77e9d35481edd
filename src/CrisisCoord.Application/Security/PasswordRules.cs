using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>
/// Passwords as ASVS 5.0 V6.2 asks: at least 8 characters (15 or more recommended), at least 64 allowed,
/// no composition rules (they make passwords harder to remember, not to guess), and none of the 10,000
/// most common passwords. Identity's own length and character-class rules are switched off in their favour.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 8;
    public const int RecommendedLength = 15;

    /// <summary>Well above ASVS's 64, and low enough that nobody can make the server hash megabytes.</summary>
    public const int MaximumLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Problem(password) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordRules", Description = problem })
            : IdentityResult.Success);

    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "Choose a password."
        : password.Length < MinimumLength ? $"The password needs at least {MinimumLength} characters; {RecommendedLength} or more is better (a few unrelated words make a good one)."
        : password.Length > MaximumLength ? $"The password can have at most {MaximumLength} characters."
        : IsCommon(password) ? "This password is one of the most commonly used, so it is among the first an attacker tries. Choose another."
        : null;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("CrisisCoord.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
