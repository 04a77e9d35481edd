using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Application.Features.Account;

/// <summary>The signed-in person's two-factor sign-in: on or off, and while off, the key their app needs.</summary>
[Performs(Act.ManageOwnTwoFactor)]
public sealed record GetTwoFactorSetupQuery : IQuery<TwoFactorSetup>;

/// <param name="Enabled">Two-factor sign-in is on.</param>
/// <param name="Key">While off: the authenticator key made by <see cref="StartTwoFactorSetupCommand"/>, if set-up has started.</param>
/// <param name="SetupUri">While off and started: the otpauth:// address an authenticator app reads from the QR code.</param>
/// <param name="RecoveryCodesLeft">While on: unused recovery codes.</param>
/// <param name="Required">The platform requires it of this person (an administrator) and it is off.</param>
public sealed record TwoFactorSetup(bool Enabled, string? Key, string? SetupUri, int RecoveryCodesLeft, bool Required)
{
    public const string Issuer = "CrisisCoord";

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public string? GroupedKey => Key is null ? null : string.Join(' ', Key.Chunk(4).Select(c => new string(c)));

    public static string UriFor(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}

public sealed class GetTwoFactorSetupQueryHandler(UserManager<AppUser> users, IOptions<TwoFactorRules> rules, ICurrentUser current)
    : IQueryHandler<GetTwoFactorSetupQuery, TwoFactorSetup>
{
    public async ValueTask<TwoFactorSetup> Handle(GetTwoFactorSetupQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        var required = rules.Value.MustSetUp(current.IsInRole(Roles.Administrator), user.TwoFactorEnabled);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorSetup(true, null, null, await users.CountRecoveryCodesAsync(user), required);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        return new TwoFactorSetup(false, key, key is null ? null : TwoFactorSetup.UriFor(user.Email!, key), 0, required);
    }
}
