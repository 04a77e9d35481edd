using System.Security.Claims;
using System.Text.Encodings.Web;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>The token is unknown, revoked, expired, or its owner can no longer use it.</summary>
public sealed class AccessTokenRefusedException(string reason) : Exception(reason);

/// <summary>
/// <c>Authorization: Bearer ccpat_…</c>: a personal access token (ADR 0025). The principal is its owner as they are
/// now, roles and organisation read on every request, plus the token's id and scope; there is no session.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokenStore tokens, SecurityLog log)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    /// <summary>The token's id on the principal.</summary>
    public const string TokenIdClaim = "crisiscoord:pat";

    /// <summary>The token's <see cref="AccessTokenScope"/> on the principal.</summary>
    public const string ScopeClaim = "crisiscoord:pat-scope";

    /// <summary>The API's one bearer scheme: a personal access token by its prefix, anything else a session's JWT.</summary>
    public const string BearerScheme = "ApiBearer";

    public static string? TokenIn(HttpRequest request) =>
        request.Headers[HeaderNames.Authorization].ToString() is { } header
        && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && header["Bearer ".Length..].Trim() is var token && AccessTokenStore.LooksLikeOne(token)
            ? token
            : null;

    public static string SelectScheme(HttpContext context) =>
        TokenIn(context.Request) is null ? JwtBearerDefaults.AuthenticationScheme : SchemeName;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenIn(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var (holder, refusal) = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (holder is null)
        {
            log.AccessTokenRefused(Context.Connection.RemoteIpAddress?.ToString(), refusal);
            return AuthenticateResult.Fail(new AccessTokenRefusedException(refusal));
        }

        // The same claims a session's JWT carries (JwtTokenIssuer), but read from the database just now.
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, holder.UserId.ToString()),
            new(ClaimTypes.Email, holder.Email ?? ""),
            new(ClaimNames.DisplayName, holder.DisplayName),
            new(TokenIdClaim, holder.TokenId.ToString()),
            new(ScopeClaim, holder.Scope.ToString()),
        };
        if (holder.OrganisationId is { } organisation)
        {
            claims.Add(new(ClaimNames.OrganisationId, organisation.ToString()));
        }

        claims.AddRange(holder.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message switch
        {
            "revoked" => "This personal access token has been revoked. Make a new one on your account page.",
            "expired" => "This personal access token has expired. Make a new one on your account page.",
            null => "Send 'Authorization: Bearer <token>' with a personal access token or a token from POST /api/v1/auth/token.",
            _ => "This personal access token is not valid: unknown, or its owner's sign-ins have ended (password changed, signed out everywhere, or account disabled).",
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Your role or your organisation's charter does not allow this.");
}
