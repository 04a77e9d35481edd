using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CrisisCoord.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Application.Security.Sessions;

/// <summary>The session ended (signed out, expired, revoked, or its refresh token was reused).</summary>
public sealed class SessionEndedException(string message = "This sign-in has ended. Sign in again.") : Exception(message);

/// <summary>
/// "Is this session still live?" answers, trusted for <see cref="SessionLimits.RecheckSeconds"/> so a
/// busy client does not cost a query per request. Ending a session here forgets it at once.
/// </summary>
public sealed class SessionCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, (bool Live, DateTimeOffset At)> _answers = new();

    public bool TryGet(Guid session, TimeSpan freshFor, out bool live)
    {
        live = false;
        if (_answers.TryGetValue(session, out var answer) && clock.GetUtcNow() - answer.At < freshFor)
        {
            live = answer.Live;
            return true;
        }

        return false;
    }

    public void Set(Guid session, bool live)
    {
        // Entries only matter for a recheck interval; drop the old ones now and then instead of growing forever.
        if (_answers.Count > 10_000)
        {
            var stale = clock.GetUtcNow() - TimeSpan.FromMinutes(1);
            foreach (var (key, value) in _answers)
            {
                if (value.At < stale)
                {
                    _answers.TryRemove(key, out _);
                }
            }
        }

        _answers[session] = (live, clock.GetUtcNow());
    }

    public void Forget(Guid session) => _answers.TryRemove(session, out _);

    public void ForgetAll() => _answers.Clear();
}

/// <summary>
/// Starts, checks and ends sign-in sessions. A session is live while it has not been ended, has not
/// passed its absolute limit, its person's security stamp is the one it started with, and the account is
/// not disabled. Changing the stamp (password, roles, sign-out everywhere, disabling) ends them all.
/// </summary>
public sealed class SessionStore(
    AppDbContext db,
    UserManager<AppUser> users,
    TimeProvider clock,
    IOptions<SessionLimits> options,
    SessionCache cache,
    SecurityLog log)
{
    private SessionLimits Settings => options.Value;

    public async Task<UserSession> StartAsync(AppUser user, SessionKind kind, string? client, string? userAgent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Kind = kind,
            SecurityStamp = await users.GetSecurityStampAsync(user),
            StartedAt = now,
            ExpiresAt = now + Settings.Absolute,
            ClientAddress = client,
            UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        log.SessionStarted(user.Id, session.Id, kind.ToString(), client);
        return session;
    }

    /// <summary>A new refresh token for an API session; only its hash is kept.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueRefreshTokenAsync(UserSession session, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var expires = Min(now + Settings.Idle, session.ExpiresAt);
        db.RefreshTokens.Add(new RefreshToken { Hash = HashOf(token), SessionId = session.Id, IssuedAt = now, ExpiresAt = expires });
        await db.SaveChangesAsync(ct);
        return (token, expires);
    }

    /// <summary>
    /// Uses a refresh token once: returns its person and session for the next pair. A token presented a
    /// second time was copied, so the session ends for the thief and the owner alike.
    /// </summary>
    public async Task<(AppUser User, UserSession Session)> RedeemAsync(string refreshToken, string? client, CancellationToken ct)
    {
        var hash = HashOf(refreshToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.Hash == hash, ct);
        var session = token is null ? null : await db.UserSessions.SingleOrDefaultAsync(s => s.Id == token.SessionId, ct);
        if (token is null || session is null)
        {
            log.TokenRefused(null, null, client, "unknown refresh token");
            throw new SessionEndedException();
        }

        var now = clock.GetUtcNow();
        if (token.UsedAt is not null)
        {
            await EndAsync(session.Id, "refresh token reused", null, client, ct);
            log.TokenRefused(session.UserId, session.Id, client, "refresh token reused: session ended");
            throw new SessionEndedException();
        }

        // Marked used in the same statement that checks it, so two racing refreshes cannot both win.
        var claimed = await db.RefreshTokens
            .Where(t => t.Hash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), ct);
        if (claimed == 0 || token.ExpiresAt <= now || !await IsLiveAsync(session.Id, ct, recheck: true))
        {
            log.TokenRefused(session.UserId, session.Id, client, claimed == 0 ? "refresh token reused" : "session or token expired");
            throw new SessionEndedException();
        }

        var user = await users.FindByIdAsync(session.UserId.ToString()) ?? throw new SessionEndedException();
        log.TokenRefreshed(user.Id, session.Id, client);
        return (user, session);
    }

    public async Task<bool> IsLiveAsync(Guid sessionId, CancellationToken ct, bool recheck = false)
    {
        if (!recheck && cache.TryGet(sessionId, Settings.Recheck, out var known))
        {
            return known;
        }

        var live = await Live(clock.GetUtcNow()).AnyAsync(s => s.Id == sessionId, ct);
        cache.Set(sessionId, live);
        return live;
    }

    /// <summary>
    /// The one definition of a live session: not ended, within its absolute limit, its person's security stamp
    /// unchanged since it started, and the account not disabled.
    /// </summary>
    public IQueryable<UserSession> Live(DateTimeOffset now) =>
        db.UserSessions.Where(s => s.EndedAt == null && s.ExpiresAt > now
            && db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp && (u.LockoutEnd == null || u.LockoutEnd <= now)));

    /// <summary>Ends one session (sign-out): its cookie or tokens, even copies, stop working.</summary>
    public async Task EndAsync(Guid sessionId, string reason, Guid? by, string? client, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var userId = await db.UserSessions.Where(s => s.Id == sessionId).Select(s => (Guid?)s.UserId).SingleOrDefaultAsync(ct);
        await db.UserSessions
            .Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
        cache.Forget(sessionId);
        if (userId is { } user)
        {
            log.SessionEnded(user, sessionId, reason, by, client);
        }
    }

    /// <summary>
    /// Ends every session of a person by giving them a new security stamp (checked by every live session
    /// within <see cref="SessionLimits.RecheckSeconds"/>), and marks the rows ended for the record.
    /// </summary>
    public async Task EndAllAsync(AppUser user, string reason, Guid? by, string? client, CancellationToken ct)
    {
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        var now = clock.GetUtcNow();
        var ended = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        await db.UserSessions
            .Where(s => s.UserId == user.Id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
        foreach (var id in ended)
        {
            cache.Forget(id);
        }

        log.AllSessionsEnded(user.Id, reason, by, client);
    }

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
