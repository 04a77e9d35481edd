using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>The browser-facing headers and cookie attributes (ASVS V3) on pages, the API and the token endpoint.</summary>
public sealed class HardeningHeadersTests(CrisisCoordApp app) : AppTest(app)
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/Incidents")]
    [InlineData("/")]
    [InlineData("/Account/ChangePassword")]
    [InlineData("/api/v1/incidents")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_a_strict_policy_and_the_browser_headers(string url)
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        var response = await pages.Http.GetAsync(url);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        directives["script-src"].ShouldBe("script-src 'self'", "no inline script, no other host");
        directives["style-src"].ShouldBe("style-src 'self'");
        directives["object-src"].ShouldBe("object-src 'none'");
        directives["base-uri"].ShouldBe("base-uri 'none'");
        directives["frame-ancestors"].ShouldBe("frame-ancestors 'none'");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task Only_the_configured_tile_server_may_serve_images()
    {
        var response = await App.CreateClient().GetAsync("/Account/SignIn");

        var images = response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("img-src", StringComparison.Ordinal));
        images.ShouldBe("img-src 'self' data: http://127.0.0.1:9", "the test configuration's Map:TileUrl, and nothing else");
    }

    [Fact]
    public async Task Signed_in_pages_and_tokens_are_never_stored_by_caches()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, actor);

        var page = await pages.Http.GetAsync("/Incidents");
        var token = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });

        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        token.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Cookies_are_host_only_secure_httponly_and_samesite()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = new PageClient(App);

        var (response, _) = await pages.SubmitAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = actor.Email,
            ["Input.Password"] = actor.Password,
        });

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = cookies.Single(c => c.StartsWith("__Host-crisiscoord=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("; secure");
        session.ShouldContain("; httponly");
        session.ShouldContain("; samesite=lax");
        session.ShouldContain("; path=/");
        session.ShouldNotContain("domain=");
        session.ShouldNotContain("expires=", Case.Insensitive, "a session cookie: it ends with the browser (and with the server's session)");
        cookies.ShouldAllBe(c => c.StartsWith("__Host-", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var antiforgery = pages.Cookies.GetAllCookies().Cast<Cookie>().Single(c => c.Name.StartsWith("__Host-crisiscoord-af", StringComparison.Ordinal));
        antiforgery.Secure.ShouldBeTrue();
        antiforgery.HttpOnly.ShouldBeTrue();
    }

    [Fact]
    public async Task Outside_development_https_responses_tell_browsers_to_keep_to_https()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://crisis.example.org/Account/SignIn");

        var response = await App.CreateClient().SendAsync(request);

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        hsts.ShouldContain("max-age=31536000");
        hsts.ShouldContain("includeSubDomains");
    }

    [Fact]
    public async Task A_forwarded_address_from_a_client_that_is_no_known_proxy_is_ignored()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.99");
        var account = $"spoof-{Guid.NewGuid():N}@test.example";

        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = account, password = "not-the-password-1" });

        var log = await SecurityLogFile.ReadAsync(App, e => e["Account"] == account);
        log.Single(e => e["Account"] == account)["Client"].ShouldBe("10.0.0.1", "the header came from no trusted proxy, so the real peer is logged and throttled");
    }
}
