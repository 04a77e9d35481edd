using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>A forgotten password is replaced through a mailed link, once; asking never tells whether an account exists.</summary>
public sealed class PasswordResetTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_reset_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var stampBefore = await StampAsync(actor.Email);
        var pages = new PageClient(App);

        var (asked, _) = await pages.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = actor.Email });
        asked.Headers.Location!.ToString().ShouldBe("/Account/CheckEmail?about=password-reset");
        var mail = (await App.Mail.WaitForAsync(actor.Email)).Single();
        mail.Subject.ShouldBe("Reset your CrisisCoord password");

        var (reset, _) = await AccountLinks.ResetAsync(pages, mail, "a-brand-new-password-7");

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.ToString().ShouldBe("/Account/SignIn");
        await Should.ThrowAsync<HttpRequestException>(() => App.ClientForAsync(actor));
        await App.ClientForAsync(actor with { Password = "a-brand-new-password-7" });
        (await StampAsync(actor.Email)).ShouldNotBe(stampBefore, "sessions are revoked by the security stamp");
        (await App.Mail.WaitForAsync(actor.Email, 2))[1].Subject.ShouldBe("Your CrisisCoord password was changed");
    }

    [Fact]
    public async Task A_reset_link_works_once()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        var client = App.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = actor.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, token, _) = AccountLinks.Of((await App.Mail.WaitForAsync(actor.Email)).Single());

        var first = await client.PostAsJsonAsync("/api/v1/auth/password-resets", new { userId, token, newPassword = "first-new-password-1", confirmNewPassword = "first-new-password-1" });
        var second = await client.PostAsJsonAsync("/api/v1/auth/password-resets", new { userId, token, newPassword = "second-new-password-2", confirmNewPassword = "second-new-password-2" });

        first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await second.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["token"]![0]!.GetValue<string>().ShouldBe(UnusableLink.Message);
        await App.ClientForAsync(actor with { Password = "first-new-password-1" });
        await Should.ThrowAsync<HttpRequestException>(() => App.ClientForAsync(actor with { Password = "second-new-password-2" }));
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_at_the_field_and_the_link_still_works()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        await App.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = actor.Email });
        var mail = (await App.Mail.WaitForAsync(actor.Email)).Single();

        var (weak, page) = await AccountLinks.ResetAsync(new PageClient(App), mail, "short");

        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await AccountLinks.ResetAsync(new PageClient(App), mail, "a-strong-enough-one-9")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        const string nobody = "nobody.here@test.example";

        var (unknownPage, _) = await new PageClient(App).SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = nobody });
        var (knownPage, _) = await new PageClient(App).SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = actor.Email });
        (unknownPage.StatusCode, unknownPage.Headers.Location).ShouldBe((knownPage.StatusCode, knownPage.Headers.Location));

        var client = App.CreateClient();
        var unknownApi = await client.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = nobody });
        var knownApi = await client.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = actor.Email });
        (unknownApi.StatusCode, await unknownApi.Content.ReadAsStringAsync()).ShouldBe((knownApi.StatusCode, await knownApi.Content.ReadAsStringAsync()));
        unknownApi.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // Mail goes out in order: once the known address's second mail is in, a mail to the unknown one would be too.
        await App.Mail.WaitForAsync(actor.Email, 2);
        App.Mail.To(nobody).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reset_confirms_an_address_that_was_never_confirmed()
    {
        var client = App.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "Lost Mail", email = "lost.mail@test.example", password = "a-good-password-42" });
        await App.Mail.WaitForAsync("lost.mail@test.example");
        await client.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = "lost.mail@test.example" });
        var resetMail = (await App.Mail.WaitForAsync("lost.mail@test.example", 2))[1];

        (await AccountLinks.ResetAsync(new PageClient(App), resetMail, "found-it-again-2026")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "lost.mail@test.example", password = "found-it-again-2026" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var db = App.Database.CreateContext();
        return (await db.Users.SingleAsync(u => u.Email == email)).SecurityStamp;
    }
}
