using System.Security.Claims;
using System.Text;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrisisCoord.Web.Infrastructure.Auth;

public sealed class TokenOptions
{
    public const string Section = "Auth:Tokens";
    public const string Issuer = "CrisisCoord";
    public const string Audience = "CrisisCoord.Api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of text. Must be set outside Development.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The key in appsettings.Development.json: public, so never accepted outside Development.</summary>
    public const string DevelopmentKey = "development-only-signing-key-not-for-production-use";

    public string? Problem(bool isDevelopment) =>
        Encoding.UTF8.GetByteCount(SigningKey) < 32
            ? $"'{Section}:SigningKey' must be set to a secret of at least 32 characters (environment variable Auth__Tokens__SigningKey)."
            : !isDevelopment && SigningKey == DevelopmentKey
                ? $"'{Section}:SigningKey' is the published development key; set a secret of your own outside Development."
                : null;

    /// <summary>The signing key; its length and origin were checked when the app started (<see cref="Problem"/>).</summary>
    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey));
}

/// <summary>Signed JWTs carrying the person's id, organisation, roles and session; each lasts minutes, not hours.</summary>
public sealed class JwtTokenIssuer(IOptions<TokenOptions> options, IOptions<SessionLimits> sessions, TimeProvider clock) : ITokenIssuer
{
    public (string AccessToken, int ExpiresIn) Issue(AppUser user, IReadOnlyList<string> roles, Guid sessionId)
    {
        var settings = options.Value;
        var lifetime = sessions.Value.AccessToken;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Email, user.Email ?? ""),
            new(ClaimNames.DisplayName, user.DisplayName),
            new(ClaimNames.SessionId, sessionId.ToString()),
        };
        if (user.OrganisationId is { } organisation)
        {
            claims.Add(new(ClaimNames.OrganisationId, organisation.ToString()));
        }

        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenOptions.Issuer,
            Audience = TokenOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }
}
