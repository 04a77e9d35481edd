using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure.Auth;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>Cookie sign-in for the pages. (The API uses bearer tokens from POST /api/v1/auth/token.)</summary>
public sealed class SignInModel(ISender sender, DeviceCookie device) : PageModel
{
    [BindProperty]
    public SignInWithPasswordRequest Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await sender.Send(Input with { KnownDeviceFor = device.Read(HttpContext), UserAgent = Request.Headers.UserAgent.ToString() }, ct);
        }
        catch (SignInThrottledException throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refused(throttled.Message);
        }
        catch (Exception refused) when (refused is SignInFailedException or AccountDisabledException)
        {
            return Refused(refused.Message);
        }

        device.Remember(HttpContext, Input.Email!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Refused(string reason)
    {
        ModelState.AddModelError("", reason);
        // The password is never sent back to the browser.
        Input = Input with { Password = null };
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Password)}");
        return Page();
    }
}
