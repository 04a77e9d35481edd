using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Infrastructure.Security;

/// <summary>
/// Transport and browser hardening (ASVS V3): security headers, HSTS and __Host- cookies outside
/// Development, and forwarded headers trusted only from the proxies named in configuration.
/// </summary>
public static class WebSecuritySetup
{
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    /// <summary>Development runs on plain http://localhost; everywhere else cookies are Secure and __Host- prefixed.</summary>
    public static bool SecureCookies(IHostEnvironment environment) => !environment.IsDevelopment();

    /// <summary>The cookie name: the __Host- prefix makes the browser insist on Secure, Path=/ and no Domain.</summary>
    public static string CookieName(IHostEnvironment environment, string name) =>
        SecureCookies(environment) ? "__Host-" + name : name;

    public static IServiceCollection AddCrisisCoordWebSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<MapOptions>()
            .Bind(configuration.GetSection(MapOptions.Section))
            .Validate(o => o.Problem() is null, $"'{MapOptions.Section}:TileUrl' must be empty or an http(s) URL template with {{z}}, {{x}} and {{y}}.")
            .ValidateOnStart();

        var secure = SecureCookies(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = CookieName(environment, "crisiscoord-af");
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = CookieName(environment, "crisiscoord-flash");
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // Behind a TLS-terminating proxy the client's address and scheme arrive in X-Forwarded-* headers.
        // They are believed only from the proxies listed; with none listed they are ignored, so nobody can
        // claim another address to dodge rate limits or spoof the security log.
        var proxies = configuration.GetSection($"{ForwardedHeadersSection}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{ForwardedHeadersSection}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"'{ForwardedHeadersSection}:KnownProxies' holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"'{ForwardedHeadersSection}:KnownNetworks' holds '{network}', which is not a network such as 10.0.0.0/8."));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later step sees the real client and scheme and every response gets the headers.</summary>
    public static WebApplication UseCrisisCoordWebSecurity(this WebApplication app)
    {
        var section = app.Configuration.GetSection(ForwardedHeadersSection);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only (as the browser sees them: through the proxy, after forwarded headers).
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
