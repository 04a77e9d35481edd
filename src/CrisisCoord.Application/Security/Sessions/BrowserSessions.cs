using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security.Sessions;

/// <summary>Starts a browser session and writes the sign-in cookie that names it.</summary>
public sealed class BrowserSessions(SessionStore sessions, SignInManager<AppUser> signIn, ICurrentUser caller)
{
    public async Task StartAsync(AppUser user, string? userAgent, CancellationToken ct)
    {
        var session = await sessions.StartAsync(user, SessionKind.Browser, caller.ClientAddress, userAgent, ct);
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false },
            [new Claim(ClaimNames.SessionId, session.Id.ToString())]);
    }
}
