namespace CrisisCoord.Application.Security.Sessions;

public enum SessionKind
{
    /// <summary>A browser's sign-in cookie.</summary>
    Browser,

    /// <summary>An API client's access and refresh tokens.</summary>
    Api,
}

/// <summary>
/// One sign-in, in a browser or by an API client. The cookie or token names it, so it can be ended on
/// its own (sign-out) or with every other session of the person (a new security stamp): a copied
/// cookie or token dies with it. Never on the timeline.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public SessionKind Kind { get; init; }

    /// <summary>The person's security stamp at sign-in: when the stamp changes (password, roles, disabled) the session is over.</summary>
    public string SecurityStamp { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The absolute limit: the session ends then however busy it is.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }
}

/// <summary>
/// A refresh token, stored only as its SHA-256 hash. Each is used once: using it issues the next one,
/// and presenting a used one again means it was copied, so the whole session ends.
/// </summary>
public sealed class RefreshToken
{
    public string Hash { get; init; } = "";

    public Guid SessionId { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
