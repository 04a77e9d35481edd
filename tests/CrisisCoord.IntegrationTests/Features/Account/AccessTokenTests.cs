using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>Personal access tokens (ADR 0025): made, listed and revoked by their owner; a bearer credential for scripts.</summary>
public sealed class AccessTokenTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_token_is_shown_once_listed_without_its_secret_and_stored_only_as_a_hash()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var session = await App.ClientForAsync(staff);

        var response = await session.PostAsJsonAsync("/api/v1/me/tokens", new { name = "nightly export", scope = "ReadOnly", expiresInDays = 30 });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = created["token"]!.GetValue<string>();
        token.ShouldStartWith("ccpat_");
        token.Length.ShouldBeGreaterThan(70);
        created["scope"]!.GetValue<string>().ShouldBe("ReadOnly");
        created["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(App.Clock.GetUtcNow().AddDays(30), TimeSpan.FromMinutes(1));

        var listed = await session.GetStringAsync("/api/v1/me/tokens");
        listed.ShouldNotContain(token);
        var row = JsonNode.Parse(listed)!.AsArray().ShouldHaveSingleItem()!.AsObject();
        row["name"]!.GetValue<string>().ShouldBe("nightly export");
        row.ContainsKey("token").ShouldBeFalse();
        row["lastUsedAt"].ShouldBeNull();

        await using var db = App.Database.CreateContext();
        var stored = await db.PersonalAccessTokens.SingleAsync();
        stored.Hash.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        stored.UserId.ShouldBe(staff.UserId);
        var everything = string.Join("|", await db.Database.SqlQueryRaw<string>("select row_to_json(t)::text as \"Value\" from personal_access_tokens t").ToListAsync());
        everything.ShouldNotContain(token[6..]);
    }

    [Fact]
    public async Task A_token_works_as_bearer_as_its_owner_and_records_when_it_was_used()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (_, token) = await CreateAsync(staff, "ReadWrite");

        var script = Bearer(token);
        var capabilities = await script.GetAsync("/api/v1/me/capabilities");
        var incident = await script.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody());

        capabilities.StatusCode.ShouldBe(HttpStatusCode.OK);
        incident.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync()).ReportedByUserId.ShouldBe(staff.UserId);
        (await db.PersonalAccessTokens.SingleAsync()).LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_read_only_token_reads_but_any_write_is_403_and_writes_nothing()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (_, token) = await CreateAsync(staff, "ReadOnly");
        var script = Bearer(token);

        (await script.GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var write = await script.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody());

        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        write.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await write.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("read-only");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task A_read_only_token_may_call_every_documented_read()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (_, token) = await CreateAsync(staff, "ReadOnly");
        var script = Bearer(token);
        var document = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var reads = document["paths"]!.AsObject().Where(p => p.Value!.AsObject().ContainsKey("get")).Select(p => p.Key).ToList();

        var refused = new List<string>();
        foreach (var path in reads)
        {
            var response = await script.GetAsync(System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString()));
            if (response.StatusCode == HttpStatusCode.Forbidden && (await response.Content.ReadAsStringAsync()).Contains("read-only", StringComparison.Ordinal))
            {
                refused.Add(path);
            }
        }

        reads.Count.ShouldBeGreaterThan(25);
        refused.ShouldBeEmpty("a GET must send a query, which a read-only token may");
    }

    [Fact]
    public async Task A_token_cannot_list_make_or_revoke_tokens()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (id, token) = await CreateAsync(staff, "ReadWrite");
        var script = Bearer(token);

        (await script.GetAsync("/api/v1/me/tokens")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await script.PostAsJsonAsync("/api/v1/me/tokens", new { name = "another", scope = "ReadWrite", expiresInDays = 365 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await script.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await script.PostAsync("/api/v1/auth/sign-out-everywhere", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = App.Database.CreateContext();
        (await db.PersonalAccessTokens.CountAsync()).ShouldBe(1);
        (await db.PersonalAccessTokens.SingleAsync()).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_revoked_token_is_401_at_once()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (id, token) = await CreateAsync(staff, "ReadOnly");
        var script = Bearer(token);
        (await script.GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await (await App.ClientForAsync(staff)).DeleteAsync($"/api/v1/me/tokens/{id}");
        var after = await script.GetAsync("/api/v1/incidents");

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await after.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("revoked");
        (await (await App.ClientForAsync(staff)).GetFromJsonAsync<JsonArray>("/api/v1/me/tokens"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (_, token) = await CreateAsync(staff, "ReadOnly", days: 7);

        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var response = await Bearer(token).GetAsync("/api/v1/incidents");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("expired");
    }

    [Fact]
    public async Task Disabling_the_owner_or_their_signing_out_everywhere_ends_their_tokens()
    {
        var disabled = await App.CreateAsync(Roles.AgencyStaff);
        var (_, first) = await CreateAsync(disabled, "ReadOnly");
        var leaving = await App.CreateAsync(Roles.AgencyStaff);
        var (_, second) = await CreateAsync(leaving, "ReadOnly");
        var admin = await App.ClientAsAsync(Roles.Administrator);

        (await admin.PostAsync($"/api/v1/users/{disabled.UserId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await App.ClientForAsync(leaving)).PostAsync("/api/v1/auth/sign-out-everywhere", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Bearer(first).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(second).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_or_altered_tokens_are_401()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (_, token) = await CreateAsync(staff, "ReadOnly");
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        (await Bearer(altered).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer("ccpat_nothing").GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(token).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_someone_elses_token_is_404_and_it_keeps_working()
    {
        var owner = await App.CreateAsync(Roles.AgencyStaff);
        var (id, token) = await CreateAsync(owner, "ReadOnly");
        var stranger = await App.ClientAsAsync(Roles.Administrator);

        var response = await stranger.DeleteAsync($"/api/v1/me/tokens/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Bearer(token).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"name":"","scope":"ReadOnly","expiresInDays":30}""", "name", "" },
        { """{"name":"   ","scope":"ReadOnly","expiresInDays":30}""", "name", "" },
        { """{"name":"x","scope":"ReadOnly","expiresInDays":0}""", "expiresInDays", "1 to 365" },
        { """{"name":"x","scope":"ReadOnly","expiresInDays":366}""", "expiresInDays", "1 to 365" },
        { """{"name":"x","scope":"ReadOnly"}""", "expiresInDays", "" },
        { """{"name":"x","expiresInDays":30}""", "scope", "ReadOnly" },
        { """{"name":"x","scope":"Admin","expiresInDays":30}""", "scope", "ReadOnly" },
        { """{"name":"a\u0000b","scope":"ReadOnly","expiresInDays":30}""", "name", "control characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Bad_input_is_400_naming_the_field_and_makes_no_token(string json, string field, string says)
    {
        var session = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await session.PostAsync("/api/v1/me/tokens", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var key = errors.Select(e => e.Key).FirstOrDefault(k => k.Equals(field, StringComparison.OrdinalIgnoreCase) || k.EndsWith("." + field, StringComparison.OrdinalIgnoreCase) || k == "$." + field);
        key.ShouldNotBeNull($"errors were: {errors.ToJsonString()}");
        errors[key]!.AsArray()[0]!.GetValue<string>().ShouldContain(says);
        await using var db = App.Database.CreateContext();
        (await db.PersonalAccessTokens.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_name_with_markup_is_kept_as_text()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        const string Name = "<script>alert(1)</script> & \"export\"";
        var session = await App.ClientForAsync(staff);

        (await session.PostAsJsonAsync("/api/v1/me/tokens", new { name = Name, scope = "ReadOnly", expiresInDays = 7 })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var listed = (await session.GetFromJsonAsync<JsonArray>("/api/v1/me/tokens"))!;
        listed.ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe(Name);
        var (_, page) = await (await PageClient.SignedInAsync(App, staff)).GetAsync("/Account/Tokens");
        page.QuerySelector("table.sessions tbody td")!.TextContent.ShouldBe(Name);
        page.QuerySelectorAll("table.sessions script").ShouldBeEmpty();
    }

    [Fact]
    public async Task Making_and_revoking_are_in_the_security_log_without_the_secret()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var (id, token) = await CreateAsync(staff, "ReadWrite");
        (await (await App.ClientForAsync(staff)).DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Bearer(token).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var log = await SecurityLogFile.ReadAsync(App, e => e["Event"] == "access-token" && e["Outcome"] == "revoked" && e["TokenId"] == id.ToString());
        var seen = string.Join("\n", log);
        log.ShouldContain(e => e["Event"] == "access-token" && e["UserId"] == staff.UserId.ToString() && e["TokenId"] == id.ToString() && e["Outcome"] == "created", seen);
        log.ShouldContain(e => e["Event"] == "access-token" && e["TokenId"] == id.ToString() && e["Outcome"] == "revoked", seen);
        SecurityLogFile.TextOf(App).ShouldNotContain(token[6..]);
    }

    [Fact]
    public async Task On_the_account_page_a_person_makes_a_token_sees_it_once_and_revokes_it()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var pages = await PageClient.SignedInAsync(App, staff);

        var (response, page) = await pages.SubmitAsync("/Account/Tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "dashboard feed",
            ["Input.Scope"] = "ReadOnly",
            ["Input.ExpiresInDays"] = "90",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = page.QuerySelector("code.access-token")!.TextContent;
        token.ShouldStartWith("ccpat_");
        page.QuerySelector("table.sessions")!.TextContent.ShouldContain("dashboard feed");
        (await Bearer(token).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (_, again) = await pages.GetAsync("/Account/Tokens");
        again.Body!.TextContent.ShouldNotContain(token);
        again.QuerySelector("table.sessions")!.TextContent.ShouldContain("dashboard feed");

        var (revoked, _) = await pages.SubmitAsync("/Account/Tokens", new Dictionary<string, string>(), "form[action*='handler=Revoke']");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Bearer(token).GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, after) = await pages.GetAsync("/Account/Tokens");
        after.QuerySelector("table.sessions").ShouldBeNull();
    }

    [Fact]
    public async Task On_the_page_bad_input_names_the_field_and_keeps_what_was_typed()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var pages = await PageClient.SignedInAsync(App, staff);

        var (response, page) = await pages.SubmitAsync("/Account/Tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Scope"] = "ReadWrite",
            ["Input.ExpiresInDays"] = "400",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("[data-valmsg-for='Input.ExpiresInDays']")!.TextContent.ShouldContain("365");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[value=ReadWrite]")!.IsChecked.ShouldBeTrue();
        page.QuerySelector("code.access-token").ShouldBeNull();
        await using var db = App.Database.CreateContext();
        (await db.PersonalAccessTokens.CountAsync()).ShouldBe(0);
    }

    private async Task<(Guid Id, string Token)> CreateAsync(Actor actor, string scope, int days = 30)
    {
        var response = await (await App.ClientForAsync(actor)).PostAsJsonAsync("/api/v1/me/tokens", new { name = "script", scope, expiresInDays = days });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (created["id"]!.GetValue<Guid>(), created["token"]!.GetValue<string>());
    }

    private HttpClient Bearer(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
