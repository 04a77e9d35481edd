using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>Opened from the mailed link; confirms on the button, so a mail scanner that opens the link confirms nothing.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    [BindProperty]
    public ConfirmEmailCommand Input { get; set; } = new();

    public void OnGet(string? userId, string? token)
    {
        AccountLinkPage.KeepTokenOut(Response);
        Input = new ConfirmEmailCommand { UserId = userId, Token = token };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AccountLinkPage.KeepTokenOut(Response);
        await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Get("Account.ConfirmEmail.Done");
        return RedirectToPage("/Account/SignIn");
    }
}
