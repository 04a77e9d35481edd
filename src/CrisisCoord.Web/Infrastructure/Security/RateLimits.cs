using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure.Live;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure.Security;

/// <summary>One limit: how many requests per window, from <c>RateLimits:{Name}:*</c>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>
/// Limits on what an attacker could repeat cheaply (ASVS V2.4, V6.3): sign-in and token requests and
/// registrations per client address, and every write per account (per address when anonymous). Over the
/// limit is 429 with Retry-After. <c>RateLimits:Enabled=false</c> turns them off, for the benchmark harness.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>POST /Account/SignIn, /api/v1/auth/token and /api/v1/auth/refresh, per client address.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Registration, confirmation and password-reset requests, per client address.</summary>
    public RateLimit Registration { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Every other POST, PUT, PATCH and DELETE, per signed-in person (or address).</summary>
    public RateLimit Writes { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    public string? Problem() =>
        new[] { (nameof(SignIn), SignIn), (nameof(Registration), Registration), (nameof(Writes), Writes) }
            .Where(l => l.Item2.PermitLimit < 1 || l.Item2.WindowSeconds is < 1 or > 86_400)
            .Select(l => $"'{Section}:{l.Item1}' needs PermitLimit of at least 1 and WindowSeconds between 1 and 86400.")
            .FirstOrDefault();
}

public static class RateLimits
{
    private static readonly string[] SignInPaths = ["/Account/SignIn", "/api/v1/auth/token", "/api/v1/auth/refresh"];

    private static readonly string[] RegistrationPaths =
        ["/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ConfirmEmail",
         "/api/v1/auth/registrations", "/api/v1/auth/email-confirmations", "/api/v1/auth/password-reset-requests", "/api/v1/auth/password-resets"];

    /// <summary>Which limit a request falls under, and whose allowance it spends; null for none (reads).</summary>
    public static (string Limit, string Partition)? Classify(HttpContext http)
    {
        var method = http.Request.Method;
        // The live hub's negotiation and long-polling POSTs change nothing: each page load makes one, and they
        // must not spend the person's allowance for real writes.
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || http.Request.Path.StartsWithSegments(LiveHub.Path))
        {
            return null;
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var path = http.Request.Path;
        if (SignInPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return (nameof(RateLimitOptions.SignIn), address);
        }

        if (RegistrationPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return (nameof(RateLimitOptions.Registration), address);
        }

        return (nameof(RateLimitOptions.Writes),
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user " + user : "address " + address);
    }

    public static IServiceCollection AddCrisisCoordRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.Problem() is null, "RateLimits is not usable: each limit needs PermitLimit ≥ 1 and WindowSeconds 1–86400.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // The options bound and checked at start-up: one source, not a second read of the configuration.
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (!options.Enabled || Classify(http) is not { } found)
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                var limit = found.Limit switch
                {
                    nameof(RateLimitOptions.SignIn) => options.SignIn,
                    nameof(RateLimitOptions.Registration) => options.Registration,
                    _ => options.Writes,
                };
                return RateLimitPartition.GetFixedWindowLimiter(found.Limit + " " + found.Partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var found = Classify(http);
                http.RequestServices.GetRequiredService<SecurityLog>().RateLimited(found?.Limit ?? "?", found?.Partition ?? "?", http.Request.Path);
                var message = $"Too many requests. Wait {seconds} second{(seconds == 1 ? "" : "s")} and try again.";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, message);
                }
                else
                {
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(message, ct);
                }
            };
        });
        return services;
    }
}
