using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure.Auth;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>
/// Cookie sign-in for the pages, in one step or, with two-factor sign-in on, two: the password, then a code
/// (carried between them by a short-lived ticket, never the password). The API uses bearer tokens from POST /api/v1/auth/token.
/// </summary>
public sealed class SignInModel(ISender sender, DeviceCookie device) : PageModel
{
    [BindProperty]
    public SignInWithPasswordRequest Input { get; set; } = new();

    /// <summary>The code step; shown while it carries a ticket.</summary>
    [BindProperty]
    public SignInWithCodeRequest Second { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AsksForCode => !string.IsNullOrEmpty(Second.Ticket);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SignInStep step;
        try
        {
            step = await sender.Send(Input with { KnownDeviceFor = device.Read(HttpContext), UserAgent = Request.Headers.UserAgent.ToString() }, ct);
        }
        catch (SignInThrottledException throttled)
        {
            return Throttled(throttled);
        }
        catch (Exception refused) when (refused is SignInFailedException or AccountDisabledException)
        {
            return Refused(refused.Message);
        }

        if (step.SecondStepTicket is { } ticket)
        {
            ModelState.Clear();
            Input = Input with { Password = null };
            Second = new SignInWithCodeRequest { Ticket = ticket };
            return Page();
        }

        device.Remember(HttpContext, Input.Email!);
        return Done();
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        string email;
        try
        {
            email = await sender.Send(Second with { KnownDeviceFor = device.Read(HttpContext), UserAgent = Request.Headers.UserAgent.ToString() }, ct);
        }
        catch (SignInThrottledException throttled)
        {
            return Throttled(throttled);
        }
        catch (SecondFactorFailedException wrong)
        {
            return Refused(wrong.Message);
        }
        catch (SecondStepExpiredException expired)
        {
            // Back to the first step: the ticket is no use any more.
            Second = new SignInWithCodeRequest();
            ModelState.Remove($"{nameof(Second)}.{nameof(Second.Ticket)}");
            return Refused(expired.Message);
        }

        device.Remember(HttpContext, email);
        return Done();
    }

    private IActionResult Done() => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");

    private PageResult Throttled(SignInThrottledException throttled)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Refused(throttled.Message);
    }

    private PageResult Refused(string reason)
    {
        ModelState.AddModelError("", reason);
        // Neither the password nor a code is ever sent back to the browser.
        Input = Input with { Password = null };
        Second = Second with { Code = null };
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Password)}");
        ModelState.Remove($"{nameof(Second)}.{nameof(Second.Code)}");
        return Page();
    }
}
