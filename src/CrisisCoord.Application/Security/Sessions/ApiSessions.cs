using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security.Sessions;

/// <summary>How an API session starts and continues: one place that pairs an access token with a refresh token.</summary>
public sealed class ApiSessions(SessionStore sessions, ITokenIssuer tokens, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock)
{
    public async Task<BearerToken> StartAsync(AppUser user, CancellationToken ct)
    {
        var session = await sessions.StartAsync(user, SessionKind.Api, caller.ClientAddress, null, ct);
        return await PairAsync(user, session, ct);
    }

    public async Task<BearerToken> PairAsync(AppUser user, UserSession session, CancellationToken ct)
    {
        var (access, expiresIn) = tokens.Issue(user, [.. await users.GetRolesAsync(user)], session.Id);
        var (refresh, refreshExpires) = await sessions.IssueRefreshTokenAsync(session, ct);
        return new BearerToken(access, "Bearer", expiresIn, refresh, (int)(refreshExpires - clock.GetUtcNow()).TotalSeconds);
    }
}
