using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace CrisisCoord.IntegrationTests.Features.Account;

public sealed class AuthenticationTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Token_is_issued_for_the_right_password_and_opens_the_api()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        body["expiresIn"]!.GetValue<int>().ShouldBe(900, "access tokens last at most 15 minutes");
        body["refreshToken"]!.GetValue<string>().Length.ShouldBeGreaterThan(40);
        var token = new JwtSecurityTokenHandler().ReadJwtToken(body["accessToken"]!.GetValue<string>());
        token.Claims.ShouldContain(c => c.Type == ClaimNames.OrganisationId && c.Value == actor.OrganisationId.ToString());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        (await client.GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var client = App.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = "not-the-password-1" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.example", password = "whatever-123" });

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var wrongDetail = (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        var unknownDetail = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        wrongDetail.ShouldBe(unknownDetail);
    }

    [Fact]
    public async Task Token_request_without_fields_is_400()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["email", "password"]);
    }

    [Fact]
    public async Task Api_without_a_token_is_401_problem_details()
    {
        var response = await App.CreateClient().GetAsync("/api/v1/incidents");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("Bearer");
    }

    [Fact]
    public async Task Forged_token_is_401()
    {
        var actor = await App.CreateAsync(Roles.Administrator);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(actor, "a-different-key-that-the-server-never-saw-000", DateTime.UtcNow.AddMinutes(10)));

        var response = await client.GetAsync("/api/v1/incidents");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_token_is_401_saying_it_expired()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(actor, CrisisCoordApp.TestSigningKey, DateTime.UtcNow.AddMinutes(-5)));

        var response = await client.GetAsync("/api/v1/incidents");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("expired");
    }

    [Fact]
    public async Task Pages_send_strangers_to_sign_in()
    {
        var pages = new PageClient(App);

        var (response, _) = await pages.GetAsync("/Incidents");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Sign_in_page_says_when_the_password_is_wrong_and_keeps_the_email()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = new PageClient(App);

        var (response, document) = await pages.SubmitAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = actor.Email,
            ["Input.Password"] = "wrong-password-9",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("not right");
        document.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").ShouldBe(actor.Email);
    }

    private static string Sign(Actor actor, string key, DateTime expires) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            issuer: "CrisisCoord",
            audience: "CrisisCoord.Api",
            claims:
            [
                new Claim(ClaimTypes.NameIdentifier, actor.UserId.ToString()),
                new Claim(ClaimNames.OrganisationId, actor.OrganisationId.ToString()),
                new Claim(ClaimTypes.Role, actor.Role),
            ],
            notBefore: expires.AddHours(-1),
            expires: expires,
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256)));
}
