using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>Opened from a mailed link: its person and token ride along as hidden fields.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public ResetPasswordCommand Input { get; set; } = new();

    public void OnGet(string? userId, string? token)
    {
        AccountLinkPage.KeepTokenOut(Response);
        Input = new ResetPasswordCommand { UserId = userId, Token = token };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AccountLinkPage.KeepTokenOut(Response);
        await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Get("Account.Reset.Done");
        return RedirectToPage("/Account/SignIn");
    }
}

/// <summary>Pages opened from a mailed link carry its token in their address.</summary>
internal static class AccountLinkPage
{
    /// <summary>The address (with the token) is not sent on to any other site as a referrer, nor kept in a cache.</summary>
    public static void KeepTokenOut(HttpResponse response)
    {
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }
}
