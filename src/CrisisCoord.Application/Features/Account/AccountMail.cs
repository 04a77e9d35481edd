using System.Text;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// The mails about a person's account, queued in the <see cref="MailOutbox"/> (sent after the command commits).
/// Plain text only. A mail that may reach someone other than the person who asked for it (a registration with
/// somebody else's address) quotes nothing the asker typed, so our mail cannot carry their words to a stranger.
/// </summary>
public sealed class AccountMail(UserManager<AppUser> users, PortalLinks links, MailOutbox outbox)
{
    public const string ConfirmEmailPage = "/Account/ConfirmEmail";
    public const string ResetPasswordPage = "/Account/ResetPassword";
    public const string ForgotPasswordPage = "/Account/ForgotPassword";

    /// <summary>To a new, unconfirmed account: the link that confirms the address.</summary>
    public async Task ConfirmAddressAsync(AppUser user)
    {
        var link = Link(ConfirmEmailPage, user, await users.GenerateEmailConfirmationTokenAsync(user));
        outbox.Add(new OutgoingMail("ConfirmEmail", user.Email!, "", "Confirm your e-mail address for CrisisCoord", $"""
            Hello,

            Someone, we hope you, created a citizen account on CrisisCoord with this e-mail address. To confirm that the address is yours and start using the account, open this link:

            {link}

            The link works for one day. If you did not create this account, ignore this mail: the account stays unusable.

            CrisisCoord
            """));
    }

    /// <summary>To the owner of an address someone tried to register again: nothing changed, and how to reset the password.</summary>
    public async Task AlreadyRegisteredAsync(AppUser user)
    {
        var link = Link(ResetPasswordPage, user, await users.GeneratePasswordResetTokenAsync(user));
        outbox.Add(new OutgoingMail("AlreadyRegistered", user.Email!, user.DisplayName, "Someone tried to register with your e-mail address", $"""
            Hello {user.DisplayName},

            Someone tried to create a new CrisisCoord account with this e-mail address, which already has one: yours. Nothing was changed and no new account was made.

            If it was you and you have forgotten your password, choose a new one with this link:

            {link}

            The link works once, for one day. If it was not you, ignore this mail: your password still works.

            CrisisCoord
            """));
    }

    /// <summary>The link to choose a new password, asked for on the forgotten-password page.</summary>
    public async Task ResetPasswordAsync(AppUser user)
    {
        var link = Link(ResetPasswordPage, user, await users.GeneratePasswordResetTokenAsync(user));
        outbox.Add(new OutgoingMail("ResetPassword", user.Email!, user.DisplayName, "Reset your CrisisCoord password", $"""
            Hello {user.DisplayName},

            Someone, we hope you, asked to reset the password of your CrisisCoord account. To choose a new password, open this link:

            {link}

            The link works once, for one day. If you did not ask, ignore this mail: your password stays as it is.

            CrisisCoord
            """));
    }

    /// <summary>To a person an administrator added: their own link to choose a password, so no password has to be passed on.</summary>
    public async Task WelcomeAsync(AppUser user)
    {
        var link = Link(ResetPasswordPage, user, await users.GeneratePasswordResetTokenAsync(user));
        outbox.Add(new OutgoingMail("Welcome", user.Email!, user.DisplayName, "Your CrisisCoord account", $"""
            Hello {user.DisplayName},

            An administrator has made you a CrisisCoord account. Your sign-in name is this e-mail address. Choose your password with this link:

            {link}

            The link works once, for one day. After that, use "Forgot your password?" at {links.To(ForgotPasswordPage, new Dictionary<string, string?>())}.

            CrisisCoord
            """));
    }

    /// <summary>After a reset: tells the owner, so a reset they did not make does not go unnoticed.</summary>
    public void PasswordChanged(AppUser user) =>
        outbox.Add(new OutgoingMail("PasswordChanged", user.Email!, user.DisplayName, "Your CrisisCoord password was changed", $"""
            Hello {user.DisplayName},

            The password of your CrisisCoord account was just changed with a link sent to this address. If that was you, there is nothing more to do.

            If it was not you, choose a new password at once at {links.To(ForgotPasswordPage, new Dictionary<string, string?>())} and tell your administrator.

            CrisisCoord
            """));

    /// <summary>Identity's tokens contain '+', '/' and '='; links carry them base64url-encoded.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? encoded)
    {
        try
        {
            return string.IsNullOrWhiteSpace(encoded) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(string page, AppUser user, string token) =>
        links.To(page, new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["token"] = EncodeToken(token) });
}

/// <summary>
/// The one answer to a confirmation or reset link that does not work, whatever the reason (wrong, expired, used,
/// unknown person): the reason would tell a stranger about the account.
/// </summary>
public static class UnusableLink
{
    public const string Message = "This link cannot be used: it is incomplete, has expired or has been used already. " +
        "If you have confirmed your address before, just sign in; to choose a new password, ask for a new link.";

    public static FluentValidation.ValidationException Exception() => new([new FluentValidation.Results.ValidationFailure("Token", Message)]);

    /// <summary>The person a link names, or null when the id is not one.</summary>
    public static async Task<AppUser?> PersonAsync(UserManager<AppUser> users, string? userId) =>
        Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
}
