using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>The security log: who, what, from where and how it ended; never a secret; a crafted value cannot forge a line.</summary>
public sealed class SecurityLogTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Sign_ins_refusals_and_refreshes_are_logged_with_who_where_and_outcome_but_no_secret()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        const string Forged = "attacker@test.example\r\n{\"Event\":\"sign-in\",\"Outcome\":\"succeeded\"}";
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.77");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = "a-wrong-password-77" });
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = Forged, password = "a-wrong-password-78" });
        var good = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        var refresh = (await good.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["refreshToken"]!.GetValue<string>();
        (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var staff = await App.ClientForAsync(actor);
        (await staff.PostAsJsonAsync("/api/v1/resource-types", new { code = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var log = await SecurityLogFile.ReadAsync(App, e => e["Event"] == "refusal" && e["UserId"] == actor.UserId.ToString());
        var seen = string.Join("\n", log);
        log.ShouldContain(e => e["Event"] == "sign-in" && e["Account"] == actor.Email && e["Client"] == "203.0.113.77" && e["Outcome"] == "wrong password", seen);
        log.ShouldContain(e => e["Event"] == "sign-in" && e["UserId"] == actor.UserId.ToString() && e["Outcome"] == "succeeded");
        log.ShouldContain(e => e["Event"] == "token-refresh" && e["UserId"] == actor.UserId.ToString() && e["Outcome"] == "refreshed");
        log.ShouldContain(e => e["Event"] == "refusal" && e["UserId"] == actor.UserId.ToString() && e["Outcome"] == "403" && e["Target"]!.Contains("DefineResourceType"));
        // The crafted address is one escaped value in one entry, not a second, forged entry.
        log.ShouldContain(e => e["Event"] == "sign-in" && e["Account"] == "attacker@test.example\\u000d\\u000a{\"Event\":\"sign-in\",\"Outcome\":\"succeeded\"}");
        log.ShouldNotContain(e => e["Outcome"] == "succeeded" && e["UserId"] == null);
        var text = SecurityLogFile.TextOf(App);
        text.ShouldNotContain("a-wrong-password-77");
        text.ShouldNotContain(actor.Password);
        text.ShouldNotContain(refresh);
    }
}
