using System.Net;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Account;

public sealed class AccountPagesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_citizen_registers_privately_asks_to_join_a_group_and_signs_in_once_confirmed()
    {
        var group = await App.CreateAsync(Roles.Citizen, OrganisationKind.Citizen);
        var pages = new PageClient(App);

        var (response, _) = await pages.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ma Li",
            ["Input.Email"] = "ma.li@test.example",
            ["Input.Password"] = "a-good-password-42",
            ["Input.OrganisationId"] = group.OrganisationId.ToString(),
            ["Input.Note"] = "Dongshan east bank; I have a boat",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Account/CheckEmail?about=registration");
        await using var db = App.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "ma.li@test.example");
        user.EmailConfirmed.ShouldBeFalse("the address is confirmed by the mailed link");
        user.OrganisationId.ShouldBeNull("nobody joins a group by saying so");
        var asked = await db.MembershipRequests.SingleAsync(m => m.UserId == user.Id);
        (asked.OrganisationId, asked.Status, asked.Note).ShouldBe((group.OrganisationId, MembershipStatus.Pending, "Dongshan east bank; I have a boat"));
        var roleIds = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync();
        (await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync()).ShouldBe([Roles.Citizen]);
        var person = new Actor(user.Id, Guid.Empty, OrganisationKind.Citizen, "ma.li@test.example", "a-good-password-42", Roles.Citizen);
        await Should.ThrowAsync<InvalidOperationException>(() => PageClient.SignedInAsync(App, person));

        await AccountLinks.ConfirmAsync(pages, (await App.Mail.WaitForAsync("ma.li@test.example")).Single());
        await PageClient.SignedInAsync(App, person);
    }

    [Fact]
    public async Task Registering_into_a_government_body_is_refused_and_writes_nothing()
    {
        var agency = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Government);
        var pages = new PageClient(App);

        var (response, document) = await pages.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Impostor",
            ["Input.Email"] = "impostor@test.example",
            ["Input.Password"] = "a-good-password-42",
            ["Input.OrganisationId"] = agency.OrganisationId.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.OrganisationId']")!.TextContent.ShouldContain("community groups");
        await using var db = App.Database.CreateContext();
        (await db.Users.AnyAsync(u => u.Email == "impostor@test.example")).ShouldBeFalse();
    }

    [Fact]
    public async Task Weak_password_is_explained_at_the_field()
    {
        var group = await App.CreateAsync(Roles.Citizen, OrganisationKind.Citizen);
        var pages = new PageClient(App);

        var (_, document) = await pages.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ma Li",
            ["Input.Email"] = "ma.li@test.example",
            ["Input.Password"] = "short",
            ["Input.OrganisationId"] = group.OrganisationId.ToString(),
        });

        document.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.ShouldContain("at least 8 characters");
        await using var db = App.Database.CreateContext();
        (await db.Users.AnyAsync(u => u.Email == "ma.li@test.example")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_person_changes_their_password_and_the_old_one_stops_working()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, actor);

        var (response, _) = await pages.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = actor.Password,
            ["Input.NewPassword"] = "a-brand-new-password-7",
            ["Input.ConfirmNewPassword"] = "a-brand-new-password-7",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Should.ThrowAsync<HttpRequestException>(() => App.ClientForAsync(actor));
        await App.ClientForAsync(actor with { Password = "a-brand-new-password-7" });
    }

    [Fact]
    public async Task Wrong_current_password_is_refused_at_the_field()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, actor);

        var (response, document) = await pages.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not-my-password-1",
            ["Input.NewPassword"] = "a-brand-new-password-7",
            ["Input.ConfirmNewPassword"] = "a-brand-new-password-7",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        await App.ClientForAsync(actor);
    }
}
