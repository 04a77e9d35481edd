using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>Ends this browser's session, or every session of the person; the session ends on the server, so a copied cookie dies too.</summary>
public sealed class SignOutModel(ISender sender, SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Incidents/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sender.Send(new SignOutCommand(), ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        await sender.Send(new SignOutEverywhereCommand(), ct);
        await signIn.SignOutAsync();
        TempData["Flash"] = Texts.Get("Account.Everywhere.Done");
        return RedirectToPage("/Account/SignIn");
    }
}
