using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>Registration never tells a stranger whether an address has an account; the mailed link confirms a new one.</summary>
public sealed class RegistrationTests(CrisisCoordApp app) : AppTest(app)
{
    private static Dictionary<string, string> Form(string email) => new()
    {
        ["Input.DisplayName"] = "Someone New",
        ["Input.Email"] = email,
        ["Input.Password"] = "a-good-password-42",
    };

    [Fact]
    public async Task A_taken_address_gets_the_same_page_answer_as_a_new_one_and_its_owner_a_mail()
    {
        var owner = await App.CreateAsync(Roles.Coordinator);
        var (before, _) = await StoredAsync(owner.Email);

        var (taken, _) = await new PageClient(App).SubmitAsync("/Account/Register", Form(owner.Email));
        var (fresh, _) = await new PageClient(App).SubmitAsync("/Account/Register", Form("brand.new@test.example"));

        (taken.StatusCode, taken.Headers.Location).ShouldBe((fresh.StatusCode, fresh.Headers.Location));
        var (_, takenPage) = await new PageClient(App).GetAsync(taken.Headers.Location!.ToString());
        takenPage.QuerySelector("main")!.TextContent.ShouldContain("Check your e-mail to confirm your address");

        // Nothing about the existing account changed, and no second account was made.
        var (after, accounts) = await StoredAsync(owner.Email);
        after.ShouldBe(before);
        accounts.ShouldBe(1);

        var warning = (await App.Mail.WaitForAsync(owner.Email)).Single();
        warning.Subject.ShouldBe("Someone tried to register with your e-mail address");
        AccountLinks.Of(warning).PathAndQuery.ShouldStartWith("/Account/ResetPassword?");
        (await App.Mail.WaitForAsync("brand.new@test.example")).Single().Subject.ShouldBe("Confirm your e-mail address for CrisisCoord");
    }

    [Fact]
    public async Task A_taken_address_gets_the_same_api_answer_as_a_new_one()
    {
        var owner = await App.CreateAsync(Roles.Citizen, OrganisationKind.Citizen);
        var client = App.CreateClient();

        var taken = await client.PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "Someone", email = owner.Email, password = "a-good-password-42" });
        var fresh = await client.PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "Someone", email = "api.new@test.example", password = "a-good-password-42" });

        taken.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        fresh.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await taken.Content.ReadAsStringAsync()).ShouldBe(await fresh.Content.ReadAsStringAsync());
        taken.Headers.Location.ShouldBe(fresh.Headers.Location);
        (await App.Mail.WaitForAsync(owner.Email)).Single().Subject.ShouldBe("Someone tried to register with your e-mail address");
        (await App.Mail.WaitForAsync("api.new@test.example")).Single().Subject.ShouldBe("Confirm your e-mail address for CrisisCoord");
    }

    [Fact]
    public async Task The_mailed_link_confirms_the_address_and_only_then_can_the_person_sign_in()
    {
        var client = App.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "Wu Hao", email = "wu.hao@test.example", password = "a-good-password-42" }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var signIn = new { email = "wu.hao@test.example", password = "a-good-password-42" };
        (await client.PostAsJsonAsync("/api/v1/auth/token", signIn)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (userId, token, _) = AccountLinks.Of((await App.Mail.WaitForAsync("wu.hao@test.example")).Single());
        (await client.PostAsJsonAsync("/api/v1/auth/email-confirmations", new { userId, token })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.PostAsJsonAsync("/api/v1/auth/token", signIn)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = App.Database.CreateContext();
        (await db.Users.SingleAsync(u => u.Email == "wu.hao@test.example")).EmailConfirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_used_wrong_or_foreign_confirmation_link_gets_one_plain_answer()
    {
        var pages = new PageClient(App);
        await pages.SubmitAsync("/Account/Register", Form("twice@test.example"));
        var mail = (await App.Mail.WaitForAsync("twice@test.example")).Single();
        await AccountLinks.ConfirmAsync(pages, mail);

        var (userId, token, _) = AccountLinks.Of(mail);
        var client = App.CreateClient();
        var attempts = new[]
        {
            new { userId, token },                                     // the same link again
            new { userId, token = token[..^4] + "AAAA" },             // a damaged token
            new { userId, token = "not base64url!" },                  // not a token at all
            new { userId = Guid.NewGuid().ToString(), token },         // nobody
            new { userId = "12", token },                              // not an id
        };
        foreach (var attempt in attempts)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/email-confirmations", attempt);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["token"]![0]!.GetValue<string>().ShouldBe(UnusableLink.Message);
        }

        var (again, page) = await AccountLinks.ConfirmAsync(pages, mail, expectSuccess: false);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".validation-summary")!.TextContent.ShouldContain("This link cannot be used");
    }

    [Fact]
    public async Task Hostile_names_reach_mails_as_plain_text()
    {
        const string name = "<script>alert('x')</script> & \"Bob\" <b>bold</b>";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), name, "hostile@test.example", "a-good-password-42", null, [Roles.Citizen]);
        }

        await App.CreateClient().PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "Anyone", email = "hostile@test.example", password = "a-good-password-42" });
        await App.CreateClient().PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = name, email = "new.hostile@test.example", password = "a-good-password-42" });

        var warning = (await App.Mail.WaitForAsync("hostile@test.example")).Single();
        warning.HtmlBody.ShouldBeNull("mails are plain text only");
        warning.Body!.ContentType.MimeType.ShouldBe("text/plain");
        warning.TextBody!.ShouldContain($"Hello {name},", Case.Sensitive);
        warning.To.Mailboxes.Single().Name.ShouldBe(name);
        // The confirmation may reach someone who never registered: it quotes nothing the registrant typed.
        (await App.Mail.WaitForAsync("new.hostile@test.example")).Single().TextBody!.ShouldNotContain("script");
    }

    [Fact]
    public async Task A_person_added_by_an_administrator_is_confirmed_and_mailed_a_link_to_choose_a_password()
    {
        var admin = await App.ClientForAsync(await App.CreateAsync(Roles.Administrator));
        var agency = await App.CreateAsync(Roles.AgencyStaff);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { displayName = "Lin Tao", email = "lin.tao@test.example", organisationId = agency.OrganisationId, roles = new[] { Roles.AgencyStaff } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var welcome = (await App.Mail.WaitForAsync("lin.tao@test.example")).Single();
        welcome.Subject.ShouldBe("Your CrisisCoord account");
        var (response2, _) = await AccountLinks.ResetAsync(new PageClient(App), welcome, "chosen-by-lin-2026");
        response2.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.ClientForAsync(new Actor(Guid.Empty, agency.OrganisationId, OrganisationKind.Government, "lin.tao@test.example", "chosen-by-lin-2026", Roles.AgencyStaff));
    }

    /// <summary>What a registration must not change: the owner's sign-in secrets and name, and the number of accounts at the address.</summary>
    private async Task<((string? Hash, string? Stamp, string Name, bool Confirmed) Owner, int Accounts)> StoredAsync(string email)
    {
        await using var db = App.Database.CreateContext();
        var normalized = email.ToUpperInvariant();
        var owner = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        return ((owner.PasswordHash, owner.SecurityStamp, owner.DisplayName, owner.EmailConfirmed), await db.Users.CountAsync(u => u.NormalizedEmail == normalized));
    }
}
