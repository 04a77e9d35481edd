using System.Collections.Concurrent;

namespace CrisisCoord.Application.Security;

/// <summary>Too many recent failures: try again after <see cref="RetryAfter"/>. Nothing was checked.</summary>
public sealed class SignInThrottledException(TimeSpan retryAfter)
    : Exception($"Too many failed sign-ins from here. Wait {Describe(retryAfter)} and try again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    private static string Describe(TimeSpan wait) =>
        wait < TimeSpan.FromMinutes(1) ? Count(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), "second") : Count((int)Math.Ceiling(wait.TotalMinutes), "minute");

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}

/// <summary>
/// Slows password guessing without letting a stranger lock anyone out (ASVS V6.3.1, replacing Identity's
/// hard lock-out). Failures are counted per account <em>and client address</em>: after
/// <see cref="FreeFailures"/> the guesser from that address waits, doubling each time up to
/// <see cref="MaxWait"/>, while the owner signing in from anywhere else is not slowed at all. Guessing
/// spread over many addresses is met by the account-wide count, which slows only clients that cannot show
/// they signed in to that account before (a device the owner used), so the owner at their usual desk still
/// gets in. Kept in memory: behind N instances an attacker gets N times the tries, still far too few.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public const int FreeAccountFailures = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>How long this client must wait before trying this account again; zero when it may try now.</summary>
    public TimeSpan WaitFor(string account, string? client, bool knownDevice)
    {
        var now = clock.GetUtcNow();
        var wait = WaitOf(ClientKey(account, client), FreeFailures, now);
        if (!knownDevice)
        {
            var accountWide = WaitOf(AccountKey(account), FreeAccountFailures, now);
            wait = accountWide > wait ? accountWide : wait;
        }

        return wait;
    }

    public void Failed(string account, string? client)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { ClientKey(account, client), AccountKey(account) })
        {
            _failures.AddOrUpdate(key, _ => new Failures(1, now),
                (_, old) => now - old.Last > Window ? new Failures(1, now) : new Failures(old.Count + 1, now));
        }

        Prune(now);
    }

    /// <summary>The right password from this client: its own count starts again (the account-wide one does not, it is the attacker's).</summary>
    public void Succeeded(string account, string? client) => _failures.TryRemove(ClientKey(account, client), out _);

    private TimeSpan WaitOf(string key, int free, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures) || failures.Count < free || now - failures.Last > Window)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures.Count - free, 10);
        var delay = TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, doublings)));
        var until = failures.Last + delay;
        return until > now ? until - now : TimeSpan.Zero;
    }

    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count < 50_000)
        {
            return;
        }

        foreach (var (key, value) in _failures)
        {
            if (now - value.Last > Window)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string AccountKey(string account) => "account\n" + account.Trim().ToUpperInvariant();

    private static string ClientKey(string account, string? client) => AccountKey(account) + "\n" + (client ?? "unknown");
}
