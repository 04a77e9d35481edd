using CrisisCoord.Application.Security.AccessTokens;

namespace CrisisCoord.Application.Security;

/// <summary>Who is sending the current command or query, as the host authenticated them.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    Guid? OrganisationId { get; }

    bool IsInRole(string role);

    /// <summary>The session the cookie or token names; none for the anonymous.</summary>
    Guid? SessionId { get; }

    /// <summary>Where the request came from (after trusted proxies), for throttling and the security log.</summary>
    string? ClientAddress { get; }

    /// <summary>The scope of the personal access token the request came with; null for a cookie or a session's token.</summary>
    AccessTokenScope? AccessToken => null;
}
