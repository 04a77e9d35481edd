using Microsoft.Extensions.Options;

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

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), usb=()";
            if (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api/v1/auth"))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
