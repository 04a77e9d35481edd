using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>The ticket of a sign-in's second step is forged, expired, or outlived by a change to the account.</summary>
public sealed class SecondStepExpiredException()
    : Exception("That sign-in took too long or is no longer valid. Enter your e-mail address and password again.");

/// <summary>
/// What the sign-in page carries from the password step to the code step: the person's id and security stamp,
/// encrypted and signed by data protection and good for <see cref="Lifetime"/>. Never the password. A new stamp
/// (password changed, account disabled, sessions ended) voids it at once.
/// </summary>
public sealed class SecondStepTickets(IDataProtectionProvider protection, UserManager<AppUser> users)
{
    public const string Purpose = "CrisisCoord.SignIn.SecondStep.v1";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public async Task<string> IssueAsync(AppUser user) =>
        _protector.Protect($"{user.Id:N}\n{await users.GetSecurityStampAsync(user)}", Lifetime);

    /// <summary>The person the ticket was issued to, if it is still good.</summary>
    public async Task<AppUser> ReadAsync(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            throw new SecondStepExpiredException();
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(ticket);
        }
        catch (CryptographicException)
        {
            throw new SecondStepExpiredException();
        }

        var parts = payload.Split('\n');
        var user = parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || parts[1] != await users.GetSecurityStampAsync(user) || !user.TwoFactorEnabled)
        {
            throw new SecondStepExpiredException();
        }

        return user;
    }
}
