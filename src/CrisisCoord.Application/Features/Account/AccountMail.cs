using System.Text;
using CrisisCoord.Application.Localization;
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
        Add(user, "ConfirmEmail", "", "Mail.Account.ConfirmEmail.Subject", "Mail.Account.ConfirmEmail.Body", link);
    }

    /// <summary>To the owner of an address someone tried to register again: nothing changed, and how to reset the password.</summary>
    public async Task AlreadyRegisteredAsync(AppUser user)
    {
        var link = Link(ResetPasswordPage, user, await users.GeneratePasswordResetTokenAsync(user));
        Add(user, "AlreadyRegistered", user.DisplayName, "Mail.Account.AlreadyRegistered.Subject", "Mail.Account.AlreadyRegistered.Body", user.DisplayName, link);
    }

    /// <summary>The link to choose a new password, asked for on the forgotten-password page.</summary>
    public async Task ResetPasswordAsync(AppUser user)
    {
        var link = Link(ResetPasswordPage, user, await users.GeneratePasswordResetTokenAsync(user));
        Add(user, "ResetPassword", user.DisplayName, "Mail.Account.ResetPassword.Subject", "Mail.Account.ResetPassword.Body", user.DisplayName, link);
    }

    /// <summary>To a person an administrator added: their own link to choose a password, so no password has to be passed on.</summary>
    public async Task WelcomeAsync(AppUser user)
    {
        var link = Link(ResetPasswordPage, user, await users.GeneratePasswordResetTokenAsync(user));
        Add(user, "Welcome", user.DisplayName, "Mail.Account.Welcome.Subject", "Mail.Account.Welcome.Body", user.DisplayName, link, links.To(ForgotPasswordPage, new Dictionary<string, string?>()));
    }

    /// <summary>After a reset: tells the owner, so a reset they did not make does not go unnoticed.</summary>
    public void PasswordChanged(AppUser user) =>
        Add(user, "PasswordChanged", user.DisplayName, "Mail.Account.PasswordChanged.Subject", "Mail.Account.PasswordChanged.Body", user.DisplayName, links.To(ForgotPasswordPage, new Dictionary<string, string?>()));

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

    /// <summary>
    /// Queues the mail written in the recipient's saved language; without one, in the language of the request that
    /// caused it (a registration made in Chinese is confirmed in Chinese); English when neither is known.
    /// </summary>
    private void Add(AppUser user, string kind, string toName, string subjectKey, string bodyKey, params object[] values)
    {
        using var language = RecipientLanguage.Use(Languages.Find(user.PreferredLanguage) ?? Languages.Current);
        outbox.Add(new OutgoingMail(kind, user.Email!, toName, Texts.Get(subjectKey), Texts.Format(bodyKey, values)));
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
