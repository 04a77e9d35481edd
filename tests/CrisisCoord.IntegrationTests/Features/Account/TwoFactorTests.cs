using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp;
using AngleSharp.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app, end to end: set-up on the page, the code step of the page
/// sign-in and of the token endpoint, recovery codes, throttling of wrong codes, and the rule that makes it
/// compulsory for administrators. Codes are computed here from the key the page shows (<see cref="Totp"/>).
/// </summary>
public sealed class TwoFactorTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Turning_it_on_needs_a_right_code_and_ends_other_sessions_but_keeps_this_browser()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var browser = await PageClient.SignedInAsync(App, actor);
        var other = await PageClient.SignedInAsync(App, actor);
        var token = await TokenAsync(actor.Email, actor.Password);

        var (_, off) = await browser.GetAsync("/Account/TwoFactor");
        off.Body!.TextContent.ShouldContain("Two-factor sign-in is off.");
        var (started, _) = await browser.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string>(), "form[action='/Account/TwoFactor?handler=Start']");
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, setUp) = await browser.GetAsync("/Account/TwoFactor");
        var key = KeyOn(setUp);
        key.Length.ShouldBeGreaterThanOrEqualTo(16);
        setUp.QuerySelector(".authenticator-key")!.TextContent.Trim().ShouldMatch("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$");
        setUp.QuerySelector("img.qr-code")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        setUp.QuerySelector("a[href^='otpauth:']")!.GetAttribute("href")
            .ShouldBe($"otpauth://totp/CrisisCoord:{Uri.EscapeDataString(actor.Email)}?secret={key}&issuer=CrisisCoord&digits=6");
        (await other.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "starting the set-up ends nothing");

        var (_, refused) = await Enable(browser, Totp.Wrong(key));
        refused.QuerySelector(".validation-summary")!.TextContent.ShouldContain("The code is not right");
        (await TwoFactorEnabledAsync(actor)).ShouldBeFalse();

        var (_, on) = await Enable(browser, Totp.Code(key));
        on.QuerySelectorAll(".recovery-codes code").Length.ShouldBe(10);
        (await TwoFactorEnabledAsync(actor)).ShouldBeTrue();
        (await browser.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "the browser that turned it on stays signed in");
        (await other.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await BearerGetAsync(token, "/api/v1/incidents")).ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/Account/TwoFactor")).Document.QuerySelectorAll(".recovery-codes").ShouldBeEmpty("recovery codes are shown once");

        var log = await SecurityLogFile.ReadAsync(App, e => e["Event"] == "two-factor" && e["Outcome"] == "enabled");
        log.ShouldContain(e => e["Event"] == "two-factor" && e["UserId"] == actor.UserId.ToString() && e["Outcome"] == "enabled");
    }

    [Fact]
    public async Task Signing_in_asks_for_the_code_refuses_and_throttles_wrong_ones_and_accepts_the_right_one()
    {
        var (actor, key, _, _) = await WithTwoFactorAsync(Roles.Coordinator);

        var guesser = new PageClient(App);
        guesser.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.44");
        var (response, second) = await PasswordStepAsync(guesser, actor);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the right password alone starts no session");
        var ticket = second.QuerySelector("input[name='Second.Ticket']")!.GetAttribute("value")!;
        ticket.ShouldNotBeNullOrEmpty();
        second.DocumentElement.OuterHtml.ShouldNotContain(actor.Password);
        (await guesser.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");

        HttpResponseMessage last = null!;
        IDocument lastPage = null!;
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++)
        {
            (last, lastPage) = await CodeStepAsync(guesser, ticket, Totp.Wrong(key));
            if (i == 0)
            {
                last.StatusCode.ShouldBe(HttpStatusCode.OK);
                lastPage.QuerySelector(".validation-summary")!.TextContent.Trim().ShouldBe("The code is not right.");
                lastPage.QuerySelector("input[name='Second.Code']")!.GetAttribute("value").ShouldBeNullOrEmpty();
            }
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "wrong codes count like wrong passwords");
        last.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await CodeStepAsync(guesser, ticket, Totp.Code(key))).Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            "even the right code waits from the guessing address");
        (await PasswordStepAsync(guesser, actor)).Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            "the right password does not wipe the count of wrong codes");

        var owner = new PageClient(App);
        var (_, step) = await PasswordStepAsync(owner, actor);
        var (signedIn, _) = await CodeStepAsync(owner, step.QuerySelector("input[name='Second.Ticket']")!.GetAttribute("value")!, Totp.Code(key, 1));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await owner.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_an_app_code_cannot_be_replayed()
    {
        var (actor, key, recovery, _) = await WithTwoFactorAsync(Roles.AgencyStaff);

        (await SignInWithCodeAsync(actor, recovery[3].ToLowerInvariant())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await SignInWithCodeAsync(actor, recovery[3]);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a recovery code works once");

        var code = Totp.Code(key, 1);
        (await SignInWithCodeAsync(actor, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInWithCodeAsync(actor, code)).StatusCode.ShouldBe(HttpStatusCode.OK, "a code seen being typed cannot be used again");

        var log = await SecurityLogFile.ReadAsync(App, e => e["Event"] == "two-factor" && e["Outcome"] == "recovery code used");
        log.ShouldContain(e => e["Event"] == "two-factor" && e["UserId"] == actor.UserId.ToString() && e["Outcome"] == "recovery code used" && e["Left"] == "9");
    }

    [Fact]
    public async Task The_token_endpoint_wants_the_code_only_after_the_right_password()
    {
        var (actor, key, recovery, _) = await WithTwoFactorAsync(Roles.AgencyStaff);

        var wrongPassword = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = "not-the-password-1", code = Totp.Code(key, 1) });
        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Detail(wrongPassword)).ShouldNotContain("code");

        var none = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Detail(none)).ShouldContain("send the 6-digit code");
        var wrong = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password, code = Totp.Wrong(key) });
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Detail(wrong)).ShouldBe("The code is not right.");

        var code = Totp.Code(key, 1);
        var right = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password, code });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = (await right.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        (await BearerGetAsync(access, "/api/v1/incidents")).ShouldBe(HttpStatusCode.OK);
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password, code }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the same code twice");
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password, code = recovery[0] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "a recovery code works on the API too");
    }

    [Fact]
    public async Task A_forged_or_expired_ticket_goes_back_to_the_password_step()
    {
        var (actor, key, _, _) = await WithTwoFactorAsync(Roles.AgencyStaff);
        var protector = App.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(SecondStepTickets.Purpose).ToTimeLimitedDataProtector();
        string stamp;
        await using (var db = App.Database.CreateContext())
        {
            stamp = db.Users.Single(u => u.Id == actor.UserId).SecurityStamp!;
        }

        var expired = protector.Protect($"{actor.UserId:N}\n{stamp}", DateTimeOffset.UtcNow.AddSeconds(-1));
        foreach (var ticket in new[] { expired, "forged-ticket", "" })
        {
            var pages = new PageClient(App);
            var (response, page) = await CodeStepAsync(pages, ticket, Totp.Code(key, 1));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.QuerySelector(".validation-summary")!.TextContent.ShouldContain("took too long");
            page.QuerySelector("input[name='Input.Password']").ShouldNotBeNull("back to the first step");
            page.QuerySelector("input[name='Second.Ticket']").ShouldBeNull();

            (await pages.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        }

        // A good ticket made with the same protector works, so the refusals above are about expiry and forgery.
        var good = protector.Protect($"{actor.UserId:N}\n{stamp}", DateTimeOffset.UtcNow.AddMinutes(1));
        (await CodeStepAsync(new PageClient(App), good, Totp.Code(key, 1))).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Turning_it_off_needs_a_code_and_then_the_password_alone_signs_in()
    {
        // Three codes, each a step apart from the one that turned it on: Identity accepts two steps either side.
        var (actor, key, _, enabledAt) = await WithTwoFactorAsync(Roles.AgencyStaff);
        var browser = await SignedInWithCodeAsync(App, actor, Totp.CodeAt(key, enabledAt + 1));
        var other = await SignedInWithCodeAsync(App, actor, Totp.CodeAt(key, enabledAt - 1));

        var (_, refused) = await browser.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string> { ["TurnOff.Code"] = Totp.Wrong(key) },
            "form[action='/Account/TwoFactor?handler=Disable']");
        refused.QuerySelector(".validation-summary")!.TextContent.ShouldContain("The code is not right.");
        (await TwoFactorEnabledAsync(actor)).ShouldBeTrue();

        var (done, _) = await browser.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string> { ["TurnOff.Code"] = Totp.CodeAt(key, enabledAt + 2) },
            "form[action='/Account/TwoFactor?handler=Disable']");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TwoFactorEnabledAsync(actor)).ShouldBeFalse();
        (await browser.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync("/Incidents")).Response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        await PageClient.SignedInAsync(App, actor);
        (await SecurityLogFile.ReadAsync(App, e => e["Event"] == "two-factor" && e["Outcome"] == "disabled")).ShouldContain(e => e["Event"] == "two-factor" && e["UserId"] == actor.UserId.ToString() && e["Outcome"] == "disabled");
    }

    [Fact]
    public async Task Where_required_administrators_must_set_it_up_before_anything_else()
    {
        // The setting as Auth:RequireTwoFactorForAdministrators binds it; a second host in this process would
        // stop the first one's security log, so the running app's options are switched instead, and back after.
        var rules = App.Services.GetRequiredService<IOptions<TwoFactorRules>>().Value;
        rules.RequireTwoFactorForAdministrators = true;
        try
        {
            await AdministratorsMustSetUpAsync();
        }
        finally
        {
            rules.RequireTwoFactorForAdministrators = false;
        }
    }

    private async Task AdministratorsMustSetUpAsync()
    {
        var admin = await App.CreateAsync(Roles.Administrator);
        var coordinator = await App.CreateAsync(Roles.Coordinator);

        var token = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = admin.Email, password = admin.Password });
        token.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Detail(token)).ShouldContain("set up two-factor sign-in in the portal first");
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = coordinator.Email, password = coordinator.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "only administrators");

        var pages = new PageClient(App);
        var (signedIn, _) = await PasswordStepAsync(pages, admin);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the administrator gets a session");
        foreach (var url in new[] { "/Incidents", "/", "/People/New", "/Account/ChangePassword" })
        {
            var sent = (await pages.GetAsync(url)).Response;
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            sent.Headers.Location!.ToString().ShouldBe("/Account/TwoFactor", url);
        }

        var (setUpPage, setUp) = await pages.GetAsync("/Account/TwoFactor");
        setUpPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        setUp.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Administrators must sign in with a code");
        (await pages.GetAsync("/Account/SignOut")).Response.Headers.Location!.ToString().ShouldNotContain("/Account/TwoFactor", Case.Insensitive, "signing out stays open");
        (await pages.GetAsync("/Error")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var coordinatorPages = new PageClient(App);
        (await PasswordStepAsync(coordinatorPages, coordinator)).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinatorPages.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        await pages.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string>(), "form[action='/Account/TwoFactor?handler=Start']");
        var key = KeyOn((await pages.GetAsync("/Account/TwoFactor")).Document);
        (await Enable(pages, Totp.Code(key))).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pages.GetAsync("/Incidents")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "set up: the portal opens");
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = admin.Email, password = admin.Password, code = Totp.Code(key, 1) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A person with two-factor sign-in on, set up through the page: their key, recovery codes and the step of the code that turned it on.</summary>
    private async Task<(Actor Actor, string Key, IReadOnlyList<string> Recovery, long EnabledAt)> WithTwoFactorAsync(string role)
    {
        var actor = await App.CreateAsync(role);
        var browser = await PageClient.SignedInAsync(App, actor);
        await browser.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string>(), "form[action='/Account/TwoFactor?handler=Start']");
        var key = KeyOn((await browser.GetAsync("/Account/TwoFactor")).Document);
        var enabledAt = Totp.Step;
        var (_, on) = await Enable(browser, Totp.CodeAt(key, enabledAt));
        return (actor, key, [.. on.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim())], enabledAt);
    }

    private static string KeyOn(IDocument page) => page.QuerySelector(".authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();

    private static Task<(HttpResponseMessage Response, IDocument Document)> Enable(PageClient browser, string code) =>
        browser.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = code }, "form[action='/Account/TwoFactor?handler=Enable']");

    private static Task<(HttpResponseMessage Response, IDocument Document)> PasswordStepAsync(PageClient pages, Actor actor) =>
        pages.SubmitAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = actor.Email, ["Input.Password"] = actor.Password });

    /// <summary>Posts the code step as the page's form would, with the ticket given.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Document)> CodeStepAsync(PageClient pages, string ticket, string code)
    {
        var (_, page) = await pages.GetAsync("/Account/SignIn");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await pages.Http.PostAsync("/Account/SignIn?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Second.Ticket"] = ticket,
            ["Second.Code"] = code,
        }));
        var html = await response.Content.ReadAsStringAsync();
        return (response, await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html)));
    }

    private static async Task<PageClient> SignedInWithCodeAsync(CrisisCoordApp app, Actor actor, string code)
    {
        var pages = new PageClient(app);
        var (_, step) = await PasswordStepAsync(pages, actor);
        var (response, _) = await CodeStepAsync(pages, step.QuerySelector("input[name='Second.Ticket']")!.GetAttribute("value")!, code);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return pages;
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(Actor actor, string code)
    {
        var pages = new PageClient(App);
        var (_, step) = await PasswordStepAsync(pages, actor);
        return (await CodeStepAsync(pages, step.QuerySelector("input[name='Second.Ticket']")!.GetAttribute("value")!, code)).Response;
    }

    private async Task<bool> TwoFactorEnabledAsync(Actor actor)
    {
        await using var db = App.Database.CreateContext();
        return db.Users.Single(u => u.Id == actor.UserId).TwoFactorEnabled;
    }

    private async Task<string> TokenAsync(string email, string password)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private async Task<HttpStatusCode> BearerGetAsync(string access, string url)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        return (await client.GetAsync(url)).StatusCode;
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
}
