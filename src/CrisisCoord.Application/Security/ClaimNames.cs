namespace CrisisCoord.Application.Security;

/// <summary>Claims CrisisCoord adds to a signed-in person, in cookies and tokens alike.</summary>
public static class ClaimNames
{
    public const string OrganisationId = "crisiscoord:organisation";
    public const string DisplayName = "crisiscoord:name";

    /// <summary>The session (<see cref="Sessions.UserSession"/>) a cookie or token belongs to.</summary>
    public const string SessionId = "sid";
}
