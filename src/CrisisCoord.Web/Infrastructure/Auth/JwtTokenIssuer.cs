using System.Security.Claims;
using System.Text;
using CrisisCoord.Application.Security;
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

    public int LifetimeMinutes { get; set; } = 30;

    /// <summary>The key in appsettings.Development.json: public, so never accepted outside Development.</summary>
    public const string DevelopmentKey = "development-only-signing-key-not-for-production-use";

    public string? Problem(bool isDevelopment) =>
        Encoding.UTF8.GetByteCount(SigningKey) < 32
            ? $"'{Section}:SigningKey' must be set to a secret of at least 32 characters (environment variable Auth__Tokens__SigningKey)."
            : !isDevelopment && SigningKey == DevelopmentKey
                ? $"'{Section}:SigningKey' is the published development key; set a secret of your own outside Development."
                : LifetimeMinutes is < 1 or > 120
                    ? $"'{Section}:LifetimeMinutes' must be between 1 and 120: API tokens are meant to be short-lived."
                    : null;

    /// <summary>The signing key; its length and origin were checked when the app started (<see cref="Problem"/>).</summary>
    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey));
}

/// <summary>Signed JWTs carrying the person's id, organisation and roles.</summary>
public sealed class JwtTokenIssuer(IOptions<TokenOptions> options, TimeProvider clock) : ITokenIssuer
{
    public BearerToken Issue(AppUser user, IReadOnlyList<string> roles)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Email, user.Email ?? ""),
            new(ClaimNames.DisplayName, user.DisplayName),
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
            Expires = now.AddMinutes(settings.LifetimeMinutes),
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
        return new BearerToken(token, "Bearer", settings.LifetimeMinutes * 60);
    }
}
