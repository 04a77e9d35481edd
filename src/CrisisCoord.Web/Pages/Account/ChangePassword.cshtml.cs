using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

public sealed class ChangePasswordModel(ISender sender, UserManager<AppUser> users, BrowserSessions browser) : PageModel
{
    [BindProperty]
    public ChangePasswordCommand Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sender.Send(Input, ct);
        // The new password ends every session, this one too; start a fresh one so this browser stays signed in.
        if (await users.GetUserAsync(User) is { } user)
        {
            await browser.StartAsync(user, Request.Headers.UserAgent.ToString(), ct);
        }

        TempData["Flash"] = "Your password has been changed. Every other browser and API client signed in as you has been signed out.";
        return RedirectToPage("/Incidents/Index");
    }
}
