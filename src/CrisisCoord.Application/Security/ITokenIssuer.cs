namespace CrisisCoord.Application.Security;

/// <summary>Issues short-lived API bearer tokens; the host decides the format and signing key.</summary>
public interface ITokenIssuer
{
    BearerToken Issue(AppUser user, IReadOnlyList<string> roles);
}

public sealed record BearerToken(string AccessToken, string TokenType, int ExpiresIn);
