namespace CrisisCoord.Application.Security;

/// <summary>Claims CrisisCoord adds to a signed-in person, in cookies and tokens alike.</summary>
public static class ClaimNames
{
    public const string OrganisationId = "crisiscoord:organisation";
    public const string DisplayName = "crisiscoord:name";

    /// <summary>Present, as <see cref="TwoFactorOn"/>, when the person has two-factor sign-in on (changing it starts a new session).</summary>
    public const string TwoFactor = "crisiscoord:2fa";
    public const string TwoFactorOn = "on";

    /// <summary>The person's saved language and time zone, carried into the reader cookies when they sign in (ADR 0036).</summary>
    public const string Language = "crisiscoord:lang";
    public const string TimeZone = "crisiscoord:tz";

    /// <summary>The session (<see cref="Sessions.UserSession"/>) a cookie or token belongs to.</summary>
    public const string SessionId = "sid";
}
