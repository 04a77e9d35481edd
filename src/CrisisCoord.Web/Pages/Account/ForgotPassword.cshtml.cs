using CrisisCoord.Application.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public RequestPasswordResetCommand Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The same answer whether or not an account uses the address (ADR 0020).
        await sender.Send(Input, ct);
        return RedirectToPage("/Account/CheckEmail", new { about = CheckEmailModel.PasswordReset });
    }
}
