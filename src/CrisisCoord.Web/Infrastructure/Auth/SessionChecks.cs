using System.Security.Claims;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>
/// Every cookie and bearer token names its session; each request is refused once that session has ended
/// (signed out, expired, its person's stamp changed, or the account disabled), within
/// <see cref="SessionLimits.RecheckSeconds"/>. A copied cookie or token dies with the session.
/// </summary>
public static class SessionChecks
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (!await IsLiveAsync(context.HttpContext, context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    public static async Task ValidateTokenAsync(TokenValidatedContext context)
    {
        if (!await IsLiveAsync(context.HttpContext, context.Principal))
        {
            context.Fail(new SessionEndedException());
        }
    }

    private static async Task<bool> IsLiveAsync(HttpContext http, ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimNames.SessionId), out var session)
        && await http.RequestServices.GetRequiredService<SessionStore>().IsLiveAsync(session, http.RequestAborted);
}
