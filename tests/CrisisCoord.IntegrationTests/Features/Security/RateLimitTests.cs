using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>The app with small, switched-on rate limits (the shared test app runs without them).</summary>
public sealed class RateLimitedApp() : CrisisCoordApp("ratelimits")
{
    public const int SignIns = 3;
    public const int Registrations = 2;
    public const int Writes = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", SignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignIn:WindowSeconds", "300");
        builder.UseSetting("RateLimits:Registration:PermitLimit", Registrations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Registration:WindowSeconds", "300");
        builder.UseSetting("RateLimits:Writes:PermitLimit", Writes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Writes:WindowSeconds", "300");
    }
}

/// <summary>429 with Retry-After once a client or person goes over a limit, and only them.</summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Token_requests_past_the_limit_get_429_with_retry_after_and_other_addresses_do_not()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedApp.SignIns; i++)
        {
            statuses.Add((await TokenFromAsync("203.0.113.50", $"someone-{i}@test.example")).StatusCode);
        }

        statuses.Take(RateLimitedApp.SignIns).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        var refused = await TokenFromAsync("203.0.113.50", "another@test.example");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 300);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("Too many requests");
        (await TokenFromAsync("203.0.113.51", "someone@test.example")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another address has its own allowance");
    }

    [Fact]
    public async Task Registrations_past_the_limit_get_429()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedApp.Registrations; i++)
        {
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, "198.51.100.60");
            answers.Add((await client.PostAsJsonAsync("/api/v1/auth/registrations", new { })).StatusCode);
        }

        answers.Take(RateLimitedApp.Registrations).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        answers.Last().ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Writes_are_counted_per_person()
    {
        // Each person's client is made while the sign-in allowance of their address lasts.
        using var busy = await ClientFromAsync(await app.CreateAsync(Roles.AgencyStaff), "192.0.2.70");
        using var other = await ClientFromAsync(await app.CreateAsync(Roles.AgencyStaff), "192.0.2.71");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedApp.Writes; i++)
        {
            answers.Add((await busy.PostAsJsonAsync("/api/v1/incidents", new { })).StatusCode);
        }

        answers.Take(RateLimitedApp.Writes).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        answers.Last().ShouldBe(HttpStatusCode.TooManyRequests);
        (await busy.GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads are not limited");
        (await other.PostAsJsonAsync("/api/v1/incidents", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "another person has their own allowance");
        (await SecurityLogFile.ReadAsync(app, e => e["Event"] == "rate-limit")).ShouldContain(e => e["Event"] == "rate-limit" && e["Limit"] == "Writes");
    }

    private async Task<HttpClient> ClientFromAsync(Actor actor, string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        return client;
    }

    private async Task<HttpResponseMessage> TokenFromAsync(string address, string email)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not-the-password-1" });
    }
}
