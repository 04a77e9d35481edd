using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>Wrong e-mail or password. The message never says which, so accounts cannot be discovered.</summary>
public sealed class SignInFailedException(string message = SignInFailedException.Text) : Exception(message)
{
    /// <summary>
    /// Also the answer to the right password of an unconfirmed address: saying "confirm first" would tell
    /// someone who registered a stranger's address whether it already had an account.
    /// </summary>
    public const string Text = "The e-mail address or password is not right, or the address is not confirmed yet (open the link we e-mailed you).";
}

/// <summary>The right password, but the account has been disabled by an administrator.</summary>
public sealed class AccountDisabledException()
    : Exception("This account has been disabled. Ask a platform administrator to enable it again.");

/// <summary>
/// Checks an e-mail address and password, for the sign-in page and the token endpoint alike. Unknown
/// addresses cost the same password hash as known ones and get the same refusal, so neither the answer
/// nor its timing tells whether an account exists (ASVS V6.3.8). Only someone who knows the password
/// learns that the account is disabled; an unconfirmed one gets the common refusal (see <see cref="SignInFailedException.Text"/>).
/// </summary>
public sealed class Credentials(
    UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, SecurityLog log)
{
    // A hash of a random password, made once by the same hasher: checking it takes as long as a real one.
    private static string? _decoyHash;

    // codeFollows: the caller asks for a code next when the account has two-factor sign-in on. The sign-in is
    // not complete yet, so the throttle is not reset until SecondFactor accepts the code; otherwise someone who
    // knows the password could guess codes forever, five at a time.
    public async Task<AppUser> CheckAsync(string email, string password, string via, string? client, bool knownDevice, bool codeFollows = false)
    {
        var wait = throttle.WaitFor(email, client, knownDevice);
        if (wait > TimeSpan.Zero)
        {
            log.SignInThrottled(email, client, wait);
            throw new SignInThrottledException(wait);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        bool matches;
        if (user?.PasswordHash is { } hash)
        {
            matches = hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
        }
        else
        {
            _decoyHash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(new AppUser(), _decoyHash, password);
            matches = false;
        }
        if (user is null || !matches)
        {
            throttle.Failed(email, client);
            log.SignInFailed(email, via, client, user is null ? "no such account" : "wrong password");
            throw new SignInFailedException();
        }

        if (codeFollows && user.TwoFactorEnabled)
        {
            log.SecondStepAsked(user.Id, via, client);
        }
        else
        {
            throttle.Succeeded(email, client);
            log.SignInSucceeded(user.Id, via, client);
        }

        if (await users.IsLockedOutAsync(user))
        {
            log.SignInFailed(email, via, client, "account disabled");
            throw new AccountDisabledException();
        }

        if (users.Options.SignIn.RequireConfirmedEmail && !await users.IsEmailConfirmedAsync(user))
        {
            log.SignInFailed(email, via, client, "e-mail not confirmed");
            throw new SignInFailedException();
        }

        return user;
    }
}
