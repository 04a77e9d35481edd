using CrisisCoord.Web.Api;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace CrisisCoord.Web.Infrastructure.Security;

/// <summary>
/// The headers every response carries (ASVS V3.4): a strict Content-Security-Policy (scripts and styles from
/// this site only, no inline script, no plugins, no framing, no base-URI rewriting), nosniff and a referrer
/// policy; and no-store for anything a signed-in person or the token endpoint receives, so shared or
/// proxy caches never keep crisis data or tokens.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string _policy = PolicyFor(map.Value);

    public static string PolicyFor(MapOptions map) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        $"img-src 'self' data:{(map.TileSource is { } tiles ? " " + tiles : "")}; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (/api/docs, ADR 0025) runs Scalar's bundled script from this site: its inline start-up
    /// script is allowed by the nonce Scalar makes for that one response, and the styles Scalar's script injects need
    /// inline styles. Nothing else is relaxed, and only on that page, which shows no crisis data.
    /// </summary>
    public static string ReferencePolicyFor(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
                && context.Request.Path.StartsWithSegments(ApiDocumentation.ReferencePath)
                    ? ReferencePolicyFor(value)
                    : _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), usb=()";
            if (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api/v1/auth"))
            {
                // An endpoint that already forbids storing (a photo's "private, no-store") keeps its own words.
                if (!headers.CacheControl.ToString().Contains("no-store", StringComparison.Ordinal))
                {
                    headers.CacheControl = "no-store";
                }

                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
