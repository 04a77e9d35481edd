using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// Sessions that end (ASVS V7) and sign-in that a stranger cannot turn against the owner (V6.3): every
/// case of the hardening issue, through the real API, pages and database.
/// </summary>
public sealed class SignInAndSessionTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_session()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var first = await TokenAsync(actor);

        var second = await RefreshAsync(first.Refresh);
        second.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (access, refresh) = Read(second.Body!);
        (await GetAsync(access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.OK);

        // Someone replays the first refresh token: refused, and the session is over for everyone holding it.
        var replay = await RefreshAsync(first.Refresh);
        replay.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(refresh)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_kills_the_old_token_and_a_copied_cookie_but_keeps_this_browser()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var token = await TokenAsync(actor);
        var browser = await PageClient.SignedInAsync(App, actor);
        var copy = CopyOf(browser);

        var (changed, _) = await browser.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = actor.Password,
            ["Input.NewPassword"] = "four unrelated words here",
            ["Input.ConfirmNewPassword"] = "four unrelated words here",
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(token.Access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(token.Refresh)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await copy.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await browser.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "the browser that changed it stays signed in");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_and_token_stop_working()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var browser = await PageClient.SignedInAsync(App, actor);
        var copy = CopyOf(browser);
        (await copy.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");
        var token = await TokenAsync(actor);

        (await browser.SubmitAsync("/Incidents", new Dictionary<string, string>(), formSelector: "form[action='/Account/SignOut']")).Response
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Access);
        (await api.PostAsync("/api/v1/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await copy.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await GetAsync(token.Access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(token.Refresh)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_person_sees_where_they_are_signed_in_and_ends_one_session_but_not_anyone_elses()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var token = await TokenAsync(actor);
        var here = await PageClient.SignedInAsync(App, actor);

        var (_, page) = await here.GetAsync("/Account/ChangePassword");
        var rows = page.QuerySelectorAll("table.sessions tbody tr");
        rows.Length.ShouldBe(2);
        rows.Count(r => r.TextContent.Contains("This browser")).ShouldBe(1);
        rows.Count(r => r.TextContent.Contains("API client")).ShouldBe(1);

        var (ended, _) = await here.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>(), formSelector: "table.sessions form");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(token.Access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
        (await here.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "this browser's own session goes on");

        var stranger = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var theirs = (await stranger.GetFromJsonAsync<JsonArray>("/api/v1/me/sessions"))!.Single()!["id"]!.GetValue<Guid>();
        using var mine = App.CreateClient();
        mine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TokenAsync(actor)).Access);
        (await mine.DeleteAsync($"/api/v1/me/sessions/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync("/api/v1/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_browser_and_api_session()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var other = await PageClient.SignedInAsync(App, actor);
        var token = await TokenAsync(actor);
        var here = await PageClient.SignedInAsync(App, actor);

        var (response, _) = await here.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>(),
            formSelector: "form[action='/Account/SignOut?handler=Everywhere']");

        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await other.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await here.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await GetAsync(token.Access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_sessions_and_only_the_right_password_learns_why()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var token = await TokenAsync(actor);
        var browser = await PageClient.SignedInAsync(App, actor);
        var admin = await App.ClientAsAsync(Roles.Administrator);

        (await admin.PostAsync($"/api/v1/users/{actor.UserId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await GetAsync(token.Access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        var right = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        right.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Detail(right)).ShouldContain("disabled");
        var wrong = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = "not-the-password-1" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Detail(wrong)).ShouldNotContain("disabled");

        (await admin.PostAsync($"/api/v1/users/{actor.UserId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_disables_and_enables_an_account_from_its_organisations_page()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var admin = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));
        var page = $"/Organisations/{actor.OrganisationId}";

        var (disabled, _) = await admin.SubmitAsync(page, new Dictionary<string, string>(), formSelector: $"form:has(input[name=person][value='{actor.UserId}'])");

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await admin.GetAsync(page);
        after.QuerySelector(".flash")!.TextContent.ShouldContain("can no longer sign in");
        after.QuerySelector(".people li")!.TextContent.ShouldContain("Disabled");
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await admin.SubmitAsync(page, new Dictionary<string, string>(), formSelector: $"form:has(input[name=person][value='{actor.UserId}'])");
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_administrators_disable_accounts_and_not_their_own()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var adminActor = await App.CreateAsync(Roles.Administrator);
        var admin = await App.ClientForAsync(adminActor);

        (await coordinator.PostAsync($"/api/v1/users/{actor.UserId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await admin.PostAsync($"/api/v1/users/{adminActor.UserId}/disable", null);
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_slow_the_stranger_but_never_lock_the_owner_out()
    {
        var owner = await App.CreateAsync(Roles.Administrator);
        HttpResponseMessage last = null!;
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++)
        {
            last = await TokenFromAsync("203.0.113.9", owner.Email, $"guess-number-{i}");
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the guesser now has to wait");
        last.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await TokenFromAsync("203.0.113.9", owner.Email, owner.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            "even the right password waits from the guessing address, so guessing gains nothing");
        (await TokenFromAsync("198.51.100.7", owner.Email, owner.Password)).StatusCode.ShouldBe(HttpStatusCode.OK,
            "the owner, elsewhere, is not locked out");
    }

    [Fact]
    public async Task Unknown_emails_and_wrong_passwords_get_identical_refusals_on_the_page_and_the_api()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);

        var wrong = await TokenFromAsync("192.0.2.1", actor.Email, "not-the-password-1");
        var unknown = await TokenFromAsync("192.0.2.2", "nobody-" + Guid.NewGuid().ToString("N") + "@test.example", "not-the-password-1");
        wrong.StatusCode.ShouldBe(unknown.StatusCode);
        var (wrongBody, unknownBody) = (await wrong.Content.ReadFromJsonAsync<JsonObject>(), await unknown.Content.ReadFromJsonAsync<JsonObject>());
        wrongBody!.Remove("traceId");
        unknownBody!.Remove("traceId");
        wrongBody.ToJsonString().ShouldBe(unknownBody.ToJsonString());

        var pages = new PageClient(App);
        var (_, wrongPage) = await pages.SubmitAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = actor.Email,
            ["Input.Password"] = "not-the-password-1",
        });
        var (_, unknownPage) = await pages.SubmitAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@test.example",
            ["Input.Password"] = "not-the-password-1",
        });
        wrongPage.QuerySelector(".validation-summary")!.TextContent.Trim()
            .ShouldBe(unknownPage.QuerySelector(".validation-summary")!.TextContent.Trim());
        wrongPage.QuerySelector("input[name='Input.Password']")!.GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Disabling_an_account_is_on_the_timeline_and_in_the_security_log()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var adminActor = await App.CreateAsync(Roles.Administrator);
        var admin = await App.ClientForAsync(adminActor);

        (await admin.PostAsync($"/api/v1/users/{actor.UserId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var log = await SecurityLogFile.ReadAsync(App, e => e["Event"] == "account" && e["Target"] == actor.UserId.ToString());
        log.ShouldContain(e => e["Event"] == "account" && e["Target"] == actor.UserId.ToString() && e["Change"] == "disabled"
            && e["By"] == adminActor.UserId.ToString() && e["Client"] == "10.0.0.1");
        await using var db = App.Database.CreateContext();
        db.TimelineEvents.Any(e => e.Action == "DisableAccount" && e.EntityId == actor.UserId.ToString()).ShouldBeTrue();
    }

    private static PageClient CopyOf(PageClient browser)
    {
        var copy = new PageClient(browser.App);
        foreach (var cookie in browser.Cookies.GetAllCookies().Cast<Cookie>())
        {
            copy.Cookies.Add(cookie);
        }

        return copy;
    }

    private async Task<(string Access, string Refresh)> TokenAsync(Actor actor)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        response.EnsureSuccessStatusCode();
        return Read((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private async Task<HttpResponseMessage> TokenFromAsync(string address, string email, string password)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
    }

    private async Task<(HttpResponseMessage Response, JsonObject? Body)> RefreshAsync(string refresh)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        return (response, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null);
    }

    private async Task<HttpStatusCode> GetAsync(string access, string url)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return (await client.GetAsync(url)).StatusCode;
    }

    private static (string Access, string Refresh) Read(JsonObject body) =>
        (body["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>());

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
}
