using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CrisisCoord.Application.Security;

/// <summary>
/// The security log (ASVS V16): who did what to whom, from where, and how it ended, for sign-ins,
/// throttling, refusals, sessions and changes to roles, accounts and charters. Its own logger category
/// (<see cref="Category"/>), which the host writes to its own sink. Never a password, token or hash;
/// every value that came from a client is escaped, so a crafted e-mail cannot forge a log line.
/// </summary>
public sealed class SecurityLog(ILogger<SecurityLog> logger)
{
    public const string Category = "CrisisCoord.Application.Security.SecurityLog";

    public void SignInSucceeded(Guid userId, string via, string? client) =>
        logger.LogInformation("Security {Event}: user {UserId} signed in by {Via} from {Client}; outcome {Outcome}",
            "sign-in", userId, via, Safe(client), "succeeded");

    public void SecondStepAsked(Guid userId, string via, string? client) =>
        logger.LogInformation("Security {Event}: user {UserId} gave the right password by {Via} from {Client}; outcome {Outcome}",
            "sign-in", userId, via, Safe(client), "code asked");

    public void RecoveryCodeUsed(Guid userId, int left, string? client) =>
        logger.LogWarning("Security {Event}: user {UserId} used a recovery code from {Client}, {Left} left; outcome {Outcome}",
            "two-factor", userId, Safe(client), left, "recovery code used");

    public void TwoFactorChanged(Guid userId, bool enabled, string? client) =>
        logger.LogWarning("Security {Event}: user {UserId} turned two-factor sign-in {Change} from {Client}; outcome {Outcome}",
            "two-factor", userId, enabled ? "on" : "off", Safe(client), enabled ? "enabled" : "disabled");

    public void RecoveryCodesRenewed(Guid userId, string? client) =>
        logger.LogWarning("Security {Event}: user {UserId} made new recovery codes from {Client}; outcome {Outcome}",
            "two-factor", userId, Safe(client), "recovery codes renewed");

    public void SignInFailed(string? account, string via, string? client, string reason) =>
        logger.LogWarning("Security {Event}: sign-in as {Account} by {Via} from {Client} refused; outcome {Outcome}",
            "sign-in", Safe(account), via, Safe(client), reason);

    public void SignInThrottled(string? account, string? client, TimeSpan retryAfter) =>
        logger.LogWarning("Security {Event}: sign-in as {Account} from {Client} throttled for {RetryAfterSeconds} s; outcome {Outcome}",
            "throttle", Safe(account), Safe(client), (int)Math.Ceiling(retryAfter.TotalSeconds), "throttled");

    public void RateLimited(string limit, string partition, string? path) =>
        logger.LogWarning("Security {Event}: {Limit} limit reached by {Partition} on {Target}; outcome {Outcome}",
            "rate-limit", limit, Safe(partition), Safe(path), "429");

    public void Refused(int status, Guid? userId, string? client, string target, string reason) =>
        logger.LogWarning("Security {Event}: user {UserId} from {Client} refused {Target}; outcome {Outcome}: {Reason}",
            "refusal", userId, Safe(client), Safe(target), status, Safe(reason));

    public void SessionStarted(Guid userId, Guid sessionId, string kind, string? client) =>
        logger.LogInformation("Security {Event}: user {UserId} session {SessionId} ({Kind}) started from {Client}; outcome {Outcome}",
            "session", userId, sessionId, kind, Safe(client), "started");

    public void TokenRefreshed(Guid userId, Guid sessionId, string? client) =>
        logger.LogInformation("Security {Event}: user {UserId} session {SessionId} refreshed its token from {Client}; outcome {Outcome}",
            "token-refresh", userId, sessionId, Safe(client), "refreshed");

    public void TokenRefused(Guid? userId, Guid? sessionId, string? client, string reason) =>
        logger.LogWarning("Security {Event}: user {UserId} session {SessionId} token refused from {Client}; outcome {Outcome}",
            "token-refresh", userId, sessionId, Safe(client), reason);

    public void SessionEnded(Guid userId, Guid sessionId, string reason, Guid? by, string? client) =>
        logger.LogInformation("Security {Event}: user {UserId} session {SessionId} ended by {By} from {Client}; outcome {Outcome}",
            "revocation", userId, sessionId, by, Safe(client), reason);

    public void AllSessionsEnded(Guid userId, string reason, Guid? by, string? client) =>
        logger.LogWarning("Security {Event}: every session of user {UserId} ended by {By} from {Client}; outcome {Outcome}",
            "revocation", userId, by, Safe(client), reason);

    public void AccessTokenCreated(Guid userId, Guid tokenId, string scope, DateTimeOffset expiresAt, string? client) =>
        logger.LogWarning("Security {Event}: user {UserId} created personal access token {TokenId} ({Scope}, until {ExpiresAt:u}) from {Client}; outcome {Outcome}",
            "access-token", userId, tokenId, scope, expiresAt, Safe(client), "created");

    public void AccessTokenRevoked(Guid userId, Guid tokenId, Guid? by, string? client) =>
        logger.LogWarning("Security {Event}: user {UserId} personal access token {TokenId} revoked by {By} from {Client}; outcome {Outcome}",
            "access-token", userId, tokenId, by, Safe(client), "revoked");

    public void AccessTokenRefused(string? client, string reason) =>
        logger.LogWarning("Security {Event}: personal access token from {Client} refused; outcome {Outcome}",
            "access-token", Safe(client), Safe(reason));

    public void AccountChanged(Guid target, string change, Guid? by, string? client) =>
        logger.LogWarning("Security {Event}: account {Target} {Change} by {By} from {Client}; outcome {Outcome}",
            "account", target, change, by, Safe(client), "done");

    public void CharterChanged(Guid organisation, string change, Guid? by, string? client) =>
        logger.LogWarning("Security {Event}: charter of organisation {Target} changed ({Change}) by {By} from {Client}; outcome {Outcome}",
            "charter", organisation, Safe(change), by, Safe(client), "done");

    /// <summary>Control characters shown as escapes, and length capped: what a client sent can neither break nor flood a line.</summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var text = new StringBuilder(Math.Min(value.Length, 200));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 200)))
        {
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029'
                ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
                : c.ToString());
        }

        return value.Length > 200 ? text.Append('…').ToString() : text.ToString();
    }
}
