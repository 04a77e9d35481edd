using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrisisCoord.Application.Data;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CrisisCoord.Web.Api;

/// <summary>
/// The optional Idempotency-Key header on every POST under /api/v1 (ADR 0019): a retry after completion gets
/// the stored response again, the same key while the first is still running a 409, with another request a
/// 422. Keys are per person, kept in PostgreSQL (so any instance answers the retry) for 24 hours. A 5xx is
/// not kept, so its retry runs again; every other answer is.
/// <para>
/// Middleware outside the exception handler rather than an endpoint filter: it must hash the raw body and
/// keep the response as the client received it, ProblemDetails of a refused command included.
/// </para>
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A key still in progress after this long belongs to a request whose instance died; a retry may take it over.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(5);

    private static readonly string[] Kept = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentType];

    public static bool Applies(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        if (values is not [{ } key] || !IsValid(key))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest,
                $"The {Header} header must be one value of 1 to {IdempotencyRecord.KeyMaxLength} printable ASCII characters.");
            return;
        }

        // Keys belong to a person. Without a valid bearer token there is no one to keep it for: the endpoint
        // answers 401, or (the token request) issues a credential that is not worth storing.
        var authentication = await context.AuthenticateAsync(AccessTokenAuthenticationHandler.BearerScheme);
        if (!Guid.TryParse(authentication.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await next(context);
            return;
        }

        var hash = await HashAsync(context.Request);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await ClaimAsync(db, userId, key, hash, clock.GetUtcNow()))
        {
            await AnswerRetryAsync(context, db, userId, key, hash);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            if (context.Response.StatusCode < StatusCodes.Status500InternalServerError)
            {
                await CompleteAsync(db, userId, key, context.Response, buffer.ToArray());
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await db.IdempotencyKeys.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    public static bool IsValid(string key) =>
        key.Length is >= 1 and <= IdempotencyRecord.KeyMaxLength && key.All(c => c is >= ' ' and <= '~');

    /// <summary>Takes the key for this request; false when another request (finished or not) holds it.</summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, Guid userId, string key, byte[] hash, DateTimeOffset now)
    {
        DateTimeOffset expired = now - Lifetime, abandoned = now - Abandoned;
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_keys WHERE user_id = {userId} AND key = {key}
              AND (created_at < {expired} OR (completed_at IS NULL AND created_at < {abandoned}))
            """);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ({userId}, {key}, {hash}, {now})
            ON CONFLICT DO NOTHING
            """) == 1;
    }

    private static async Task CompleteAsync(AppDbContext db, Guid userId, string key, HttpResponse response, byte[] body)
    {
        var headers = JsonSerializer.Serialize(Kept
            .Where(name => response.Headers.ContainsKey(name))
            .ToDictionary(name => name, name => response.Headers[name].ToString()));
        await db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_keys SET completed_at = now(), status_code = {response.StatusCode}, headers = {headers}::jsonb, body = {body}
            WHERE user_id = {userId} AND key = {key}
            """, CancellationToken.None);
    }

    private static async Task AnswerRetryAsync(HttpContext context, AppDbContext db, Guid userId, string key, byte[] hash)
    {
        var held = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key);
        if (held is not null && !CryptographicOperations.FixedTimeEquals(held.RequestHash, hash))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                $"This {Header} was used for a different request (method, path or body). Use a new key for a new request.");
        }
        else if (held?.CompletedAt is null || held.StatusCode is not { } status)
        {
            // Still running (or, in a rare race, just given up and deleted): the client retries later.
            await ApiProblems.WriteAsync(context, StatusCodes.Status409Conflict,
                $"A request with this {Header} is still being processed. Retry once it has finished to get its response.");
        }
        else
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(held.Headers ?? "{}") ?? [])
            {
                context.Response.Headers[name] = value;
            }

            context.Response.Headers[ReplayedHeader] = "true";
            context.Response.ContentLength = held.Body?.Length ?? 0;
            await context.Response.Body.WriteAsync(held.Body ?? [], context.RequestAborted);
        }
    }

    /// <summary>SHA-256 of method, path, query and body; the body stays readable for the endpoint.</summary>
    private static async Task<byte[]> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}

/// <summary>Forgets keys older than <see cref="IdempotencyMiddleware.Lifetime"/>, every Idempotency:CleanupInterval (default an hour).</summary>
public sealed class IdempotencyCleanupService(
    IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IdempotencyCleanupService> logger)
    : PeriodicService(scopes, clock, logger)
{
    protected override string Name => "Idempotency keys expiry";

    protected override TimeSpan Interval => configuration.GetValue("Idempotency:CleanupInterval", TimeSpan.FromHours(1));

    protected override async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var expired = now - IdempotencyMiddleware.Lifetime;
        return await services.GetRequiredService<AppDbContext>().IdempotencyKeys.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(ct);
    }
}

public static class IdempotencySetup
{
    public static IServiceCollection AddCrisisCoordIdempotency(this IServiceCollection services) =>
        services.AddSingleton<IdempotencyCleanupService>().AddHostedService(s => s.GetRequiredService<IdempotencyCleanupService>());

    /// <summary>Once, for every POST under /api/v1; outside the exception handler so refusals are kept as sent.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseWhen(IdempotencyMiddleware.Applies, api => api.UseMiddleware<IdempotencyMiddleware>());
}
