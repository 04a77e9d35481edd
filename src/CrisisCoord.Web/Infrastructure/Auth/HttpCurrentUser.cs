using System.Security.Claims;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>The signed-in person as the request's cookie or bearer token describes them.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => ReadGuid(ClaimTypes.NameIdentifier);

    public Guid? OrganisationId => ReadGuid(ClaimNames.OrganisationId);

    public Guid? SessionId => ReadGuid(ClaimNames.SessionId);

    /// <summary>The peer's address, or the client's as a trusted proxy reported it (forwarded headers).</summary>
    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public AccessTokenScope? AccessToken =>
        IsAuthenticated && Enum.TryParse<AccessTokenScope>(Principal!.FindFirstValue(AccessTokenAuthenticationHandler.ScopeClaim), out var scope) ? scope : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    private Guid? ReadGuid(string claim) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(claim), out var value) ? value : null;
}
