using CrisisCoord.Application.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>
/// Where registration and the forgotten-password form lead, whatever happened: its text depends only on which form
/// was sent, never on the address given (ADR 0020).
/// </summary>
[AllowAnonymous]
public sealed class CheckEmailModel : PageModel
{
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";

    public string Message { get; private set; } = "";

    public void OnGet(string? about) =>
        // The same words as the API answers (PasswordResetRequested, RegistrationReceived), in the reader's language.
        Message = Texts.Get(about == PasswordReset ? "Account.CheckEmail.PasswordReset" : "Account.CheckEmail.Registration");
}
