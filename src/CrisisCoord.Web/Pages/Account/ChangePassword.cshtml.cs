using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

public sealed class ChangePasswordModel(ISender sender, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public ChangePasswordCommand Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sender.Send(Input, ct);
        // The password change renews the security stamp; re-issue this browser's cookie so it stays signed in.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        TempData["Flash"] = "Your password has been changed.";
        return RedirectToPage("/Incidents/Index");
    }
}
