using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrisisCoord.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Security.AccessTokens;

/// <summary>The owner of a token, as they are now: what the host turns into the request's principal.</summary>
public sealed record AccessTokenHolder(
    Guid TokenId, AccessTokenScope Scope, Guid UserId, string? Email, string DisplayName, Guid? OrganisationId, IReadOnlyList<string> Roles);

/// <summary>
/// Mints and checks personal access tokens. A token reads <c>ccpat_</c>, its id (32 hex digits) and 256 random
/// bits (base64url): the prefix lets secret scanners and people recognise it, the id finds its row without
/// comparing secrets in SQL, and the hash of the whole text is compared in constant time.
/// </summary>
public sealed class AccessTokenStore(AppDbContext db, TimeProvider clock)
{
    public const string Prefix = "ccpat_";

    private const int IdLength = 32;
    private const int SecretBytes = 32;
    private static readonly int TokenLength = Prefix.Length + IdLength + Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>Last-used times are written at most this often per token, so a busy script does not write on every call.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool LooksLikeOne(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A new token's text and the hash to keep; the text is shown once and never stored.</summary>
    public static (Guid Id, string Token, byte[] Hash) Mint()
    {
        var id = Guid.CreateVersion7();
        var token = Prefix + id.ToString("N") + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, token, HashOf(token));
    }

    /// <summary>
    /// The owner of a live token, or null: unknown or malformed, wrong secret, revoked, expired, its owner's
    /// security stamp changed, or the owner disabled. Roles and organisation are the owner's current ones.
    /// </summary>
    public async Task<(AccessTokenHolder? Holder, string Refusal)> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (token.Length != TokenLength || !LooksLikeOne(token)
            || !Guid.TryParseExact(token.AsSpan(Prefix.Length, IdLength), "N", out var id))
        {
            return (null, "malformed token");
        }

        var now = clock.GetUtcNow();
        var row = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new
            {
                t.Hash,
                t.Scope,
                t.ExpiresAt,
                t.RevokedAt,
                t.LastUsedAt,
                StampMatches = db.Users.Any(u => u.Id == t.UserId && u.SecurityStamp == t.SecurityStamp),
                User = db.Users.Where(u => u.Id == t.UserId)
                    .Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganisationId, u.LockoutEnd })
                    .Single(),
                Roles = db.UserRoles.Where(r => r.UserId == t.UserId)
                    .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!)
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null || !CryptographicOperations.FixedTimeEquals(row.Hash, HashOf(token)))
        {
            return (null, "unknown token");
        }

        var refusal = row.RevokedAt is not null ? "revoked"
            : row.ExpiresAt <= now ? "expired"
            : row.User.LockoutEnd > now ? "owner disabled"
            : !row.StampMatches ? "owner's sign-ins ended (password changed or signed out everywhere)"
            : null;
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (row.LastUsedAt is null || now - row.LastUsedAt >= LastUsedResolution)
        {
            await db.PersonalAccessTokens.Where(t => t.Id == id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), ct);
        }

        return (new AccessTokenHolder(id, row.Scope, row.User.Id, row.User.Email, row.User.DisplayName, row.User.OrganisationId, row.Roles), "");
    }

    /// <summary>The one definition of a live token: not revoked, not expired, its owner's stamp unchanged and not disabled.</summary>
    public IQueryable<PersonalAccessToken> Live(DateTimeOffset now) =>
        db.PersonalAccessTokens.Where(t => t.RevokedAt == null && t.ExpiresAt > now
            && db.Users.Any(u => u.Id == t.UserId && u.SecurityStamp == t.SecurityStamp && (u.LockoutEnd == null || u.LockoutEnd <= now)));

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
