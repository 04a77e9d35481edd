namespace CrisisCoord.Application.Security;

public interface ITokenIssuer
{
    /// <summary>A short-lived access token for one session (<see cref="Sessions.SessionLimits.AccessTokenMinutes"/>).</summary>
    (string AccessToken, int ExpiresIn) Issue(AppUser user, IReadOnlyList<string> roles, Guid sessionId);
}

/// <summary>
/// What the token endpoints answer: an access token for the API and a refresh token that gets the next
/// pair once. Both end with the session (sign-out, password change, role change, disabled account).
/// </summary>
public sealed record BearerToken(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn);
