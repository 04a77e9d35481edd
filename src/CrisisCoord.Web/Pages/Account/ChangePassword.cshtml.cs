using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

public sealed class ChangePasswordModel(ISender sender, UserManager<AppUser> users, BrowserSessions browser) : PageModel
{
    [BindProperty]
    public ChangePasswordCommand Input { get; set; } = new();

    /// <summary>Where the person is signed in now, this browser included.</summary>
    public IReadOnlyList<MySessionDto> Sessions { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Loaded before every handler, so a refused password change re-renders with the list.
        Sessions = await sender.Send(new ListMySessionsQuery(), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostEndSessionAsync(Guid session, CancellationToken ct)
    {
        await sender.Send(new EndMySessionCommand(session), ct);
        TempData["Flash"] = Texts.Get("Account.Sessions.Ended");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sender.Send(Input, ct);
        // The new password ends every session, this one too; start a fresh one so this browser stays signed in.
        if (await users.GetUserAsync(User) is { } user)
        {
            await browser.StartAsync(user, Request.Headers.UserAgent.ToString(), ct);
        }

        TempData["Flash"] = Texts.Get("Account.ChangePassword.Done");
        return RedirectToPage("/Incidents/Index");
    }
}
