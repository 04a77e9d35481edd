namespace CrisisCoord.Application.Security.Sessions;

/// <summary>How long sign-ins last (ASVS V7.3), from <c>Auth:Sessions:*</c>.</summary>
public sealed class SessionLimits
{
    public const string Section = "Auth:Sessions";

    /// <summary>A browser session or refresh token unused this long has ended.</summary>
    public int IdleMinutes { get; set; } = 60;

    /// <summary>No session outlives this, however active: a shift, then sign in again.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>API access tokens; at most 15 minutes, so a stolen one is soon worthless.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>How long a "still signed in" answer is trusted before the database is asked again; revocation takes effect within this.</summary>
    public int RecheckSeconds { get; set; } = 30;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    public TimeSpan AccessToken => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan Recheck => TimeSpan.FromSeconds(RecheckSeconds);

    public string? Problem() =>
        IdleMinutes is < 1 or > 24 * 60 ? $"'{Section}:IdleMinutes' must be between 1 and 1440."
        : AbsoluteHours is < 1 or > 7 * 24 ? $"'{Section}:AbsoluteHours' must be between 1 and 168."
        : AccessTokenMinutes is < 1 or > 15 ? $"'{Section}:AccessTokenMinutes' must be between 1 and 15: access tokens are short-lived."
        : RecheckSeconds is < 0 or > 60 ? $"'{Section}:RecheckSeconds' must be between 0 and 60: a revoked session must end within a minute."
        : null;
}
