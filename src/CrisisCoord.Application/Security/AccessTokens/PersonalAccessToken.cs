namespace CrisisCoord.Application.Security.AccessTokens;

/// <summary>What a personal access token may do on its owner's behalf.</summary>
public enum AccessTokenScope
{
    /// <summary>Queries only: every command is refused (403).</summary>
    ReadOnly,

    /// <summary>Whatever its owner may do, except manage tokens or their own sign-in.</summary>
    ReadWrite,
}

/// <summary>
/// A long-lived API credential a person makes for a script or an integration (ADR 0025). Only the SHA-256
/// hash of the secret is kept; the person's roles and organisation are read afresh on every request, so a
/// token never carries more than its owner may do now. Never on the timeline.
/// </summary>
public sealed class PersonalAccessToken
{
    public const int NameMaxLength = 100;

    /// <summary>The longest life a token may be given.</summary>
    public const int MaxDays = 365;

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>What the person calls it ("nightly export"), shown in their list; plain text.</summary>
    public string Name { get; init; } = "";

    public AccessTokenScope Scope { get; init; }

    /// <summary>SHA-256 of the whole token text.</summary>
    public byte[] Hash { get; init; } = [];

    /// <summary>The owner's security stamp when it was made: a new stamp (password, sign-out everywhere, disabled) ends it.</summary>
    public string SecurityStamp { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it last authenticated a request, to the minute: how the owner tells a forgotten token from a busy one.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
