using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.People;

public sealed class AddPersonPageTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Administrator_adds_a_person_from_the_organisation_page_and_sees_them_listed()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var admin = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (_, form) = await admin.GetAsync($"/People/New?organisationId={ngo.OrganisationId}");
        form.QuerySelector<IHtmlSelectElement>("select[name='Input.OrganisationId']")!.Value.ShouldBe(ngo.OrganisationId.ToString());
        var (response, _) = await admin.SubmitAsync("/People/New", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Gao Wen",
            ["Input.Email"] = "gao.wen@test.example",
            ["Input.Password"] = "a-good-password-42",
            ["Input.OrganisationId"] = ngo.OrganisationId.ToString(),
            ["Input.Roles"] = Roles.ResourceManager,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, detail) = await admin.GetAsync(response.Headers.Location!.ToString());
        detail.QuerySelector(".people")!.TextContent.ShouldContain("Gao Wen");
        detail.QuerySelector(".flash")!.TextContent.ShouldContain("Account created for Gao Wen");
    }

    [Fact]
    public async Task Missing_roles_are_explained_and_the_typed_values_kept()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var admin = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (response, document) = await admin.SubmitAsync("/People/New", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Gao Wen",
            ["Input.Email"] = "gao.wen@test.example",
            ["Input.Password"] = "a-good-password-42",
            ["Input.OrganisationId"] = ngo.OrganisationId.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.Roles']")!.TextContent.ShouldContain("at least one role");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.DisplayName']")!.Value.ShouldBe("Gao Wen");
        await using var db = App.Database.CreateContext();
        (await db.Users.AnyAsync(u => u.Email == "gao.wen@test.example")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_page_is_refused_to_coordinators()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        var response = await pages.PostDirectAsync("/People/New", new Dictionary<string, string> { ["Input.DisplayName"] = "x" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
