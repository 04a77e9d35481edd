using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>The right password, but the account signs in with a code too and none was given.</summary>
public sealed class SecondFactorRequiredException()
    : Exception("This account signs in with a code from an authenticator app too: send the 6-digit code (or a recovery code) as 'code'.");

/// <summary>The right password, but the authenticator or recovery code is not right (or was used already).</summary>
public sealed class SecondFactorFailedException() : Exception("The code is not right.");

/// <summary>An administrator without two-factor sign-in, where the platform requires it.</summary>
public sealed class TwoFactorSetUpRequiredException()
    : Exception("Administrators must sign in with a code from an authenticator app: set up two-factor sign-in in the portal first (Your account → Two-factor sign-in).");

/// <summary>Two-factor settings, from <c>Auth:*</c>.</summary>
public sealed class TwoFactorRules
{
    public const string Section = "Auth";

    /// <summary>Administrators must turn two-factor sign-in on before they can do anything else; production should say true.</summary>
    public bool RequireTwoFactorForAdministrators { get; set; }

    /// <summary>Whether this person must set up two-factor sign-in before going any further.</summary>
    public bool MustSetUp(bool isAdministrator, bool twoFactorEnabled) =>
        RequireTwoFactorForAdministrators && isAdministrator && !twoFactorEnabled;
}

/// <summary>
/// Authenticator codes already accepted, per person, for as long as Identity would accept them again (it
/// takes the codes of the two neighbouring 30-second steps on either side): a code someone watched being
/// typed cannot be replayed (ASVS V6.5.1). In memory, like the throttle.
/// </summary>
public sealed class SpentCodes(TimeProvider clock)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(Guid User, string Code), DateTimeOffset> _spent = new();

    /// <summary>Marks the code used; false if it already was.</summary>
    public bool TrySpend(Guid user, string code)
    {
        var now = clock.GetUtcNow();
        if (_spent.Count > 10_000)
        {
            foreach (var (key, when) in _spent)
            {
                if (now - when > Remembered)
                {
                    _spent.TryRemove(key, out _);
                }
            }
        }

        if (_spent.TryAdd((user, code), now))
        {
            return true;
        }

        return _spent.TryGetValue((user, code), out var at) && now - at > Remembered && _spent.TryUpdate((user, code), now, at);
    }
}

/// <summary>
/// Checks the second factor: a 6-digit code from the person's authenticator app (RFC 6238), or one of their
/// single-use recovery codes. Wrong codes count in <see cref="SignInThrottle"/> exactly like wrong passwords,
/// so a stolen password does not open unlimited guessing of six digits.
/// </summary>
public sealed class SecondFactor(UserManager<AppUser> users, SignInThrottle throttle, SpentCodes spent, SecurityLog log)
{
    /// <summary>Whether the code is right for this person, spending it (a recovery code for good); counts nothing.</summary>
    public async Task<bool> VerifyAsync(AppUser user, string? code, string? client)
    {
        var typed = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (typed.Length == 6 && typed.All(char.IsAsciiDigit))
        {
            return await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, typed)
                && spent.TrySpend(user.Id, typed);
        }

        if (typed.Length is 0 or > 20 || !(await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded)
        {
            return false;
        }

        log.RecoveryCodeUsed(user.Id, await users.CountRecoveryCodesAsync(user), client);
        return true;
    }

    /// <summary>The second step of a sign-in: throttled, counted and logged like the password before it.</summary>
    public async Task CheckAsync(AppUser user, string? code, string via, string? client, bool knownDevice)
    {
        var account = user.Email!;
        var wait = throttle.WaitFor(account, client, knownDevice);
        if (wait > TimeSpan.Zero)
        {
            log.SignInThrottled(account, client, wait);
            throw new SignInThrottledException(wait);
        }

        if (!await VerifyAsync(user, code, client))
        {
            throttle.Failed(account, client);
            log.SignInFailed(account, via, client, "wrong code");
            throw new SecondFactorFailedException();
        }

        throttle.Succeeded(account, client);
        log.SignInSucceeded(user.Id, via + " and code", client);
    }
}
