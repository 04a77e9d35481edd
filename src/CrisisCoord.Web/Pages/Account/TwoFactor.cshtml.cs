using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Web.Infrastructure.Auth;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>Two-factor sign-in: set it up with an authenticator app, or turn it off.</summary>
public sealed class TwoFactorModel(ISender sender, UserManager<AppUser> users, BrowserSessions browser) : PageModel
{
    /// <summary>The code that confirms the app holds the key and turns two-factor sign-in on.</summary>
    [BindProperty]
    public EnableTwoFactorCommand Input { get; set; } = new();

    [BindProperty]
    public DisableTwoFactorCommand TurnOff { get; set; } = new();

    public TwoFactorSetup Setup { get; private set; } = null!;

    /// <summary>The QR code of <see cref="TwoFactorSetup.SetupUri"/>, as a PNG data: address.</summary>
    public string? QrCode { get; private set; }

    /// <summary>Just made: shown this once.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    // Loaded before every handler, so the page can render again when a code is refused.
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Setup = await sender.Send(new GetTwoFactorSetupQuery(), HttpContext.RequestAborted);
        QrCode = Setup.SetupUri is { } uri ? QrCodes.PngDataUri(uri) : null;
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        await sender.Send(new StartTwoFactorSetupCommand(), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var codes = await sender.Send(Input, ct);
        await StayHereAsync(ct);
        NewRecoveryCodes = codes.Codes;
        Setup = Setup with { Enabled = true, Key = null, SetupUri = null, RecoveryCodesLeft = codes.Codes.Count, Required = false };
        QrCode = null;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        await sender.Send(TurnOff, ct);
        await StayHereAsync(ct);
        TempData["Flash"] = Texts.Get("Account.TwoFactor.Off");
        return RedirectToPage();
    }

    // The change ends every session, this one too; start a fresh one so this browser stays signed in.
    private async Task StayHereAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await browser.StartAsync(user, Request.Headers.UserAgent.ToString(), ct);
        }
    }
}
