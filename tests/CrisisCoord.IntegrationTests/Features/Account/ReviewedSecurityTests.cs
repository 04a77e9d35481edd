using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using JwtTokenOptions = CrisisCoord.Web.Infrastructure.Auth.TokenOptions;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>Each closes a way around the access rules found in review.</summary>
public sealed class ReviewedSecurityTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_unreadable_field_does_not_let_a_forbidden_role_see_validation_answers()
    {
        var taken = await App.CreateAsync(Roles.AgencyStaff);
        var coordinator = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        var response = await coordinator.PostDirectAsync("/People/New", new Dictionary<string, string>
        {
            ["Input.Email"] = taken.Email,
            ["Input.OrganisationId"] = "not-a-guid",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("already exists");
    }

    [Theory]
    [InlineData("/Resources/New", Roles.AgencyStaff)]
    [InlineData("/People/New", Roles.Coordinator)]
    [InlineData("/Incidents/New", Roles.Auditor)]
    [InlineData("/Organisations/New", Roles.ResourceManager)]
    public async Task Form_pages_are_refused_to_roles_that_can_never_send_them(string url, string role)
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(role));

        var (response, _) = await pages.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [InlineData(Roles.Citizen, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Auditor, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task Charter_change_history_is_for_administrators_and_auditors(string role, HttpStatusCode expected)
    {
        var client = await App.ClientAsAsync(role);

        (await client.GetAsync("/api/v1/charters/changes")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task An_auditor_with_a_second_role_still_cannot_write()
    {
        var auditor = await App.CreateAsync(Roles.Auditor);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(auditor.UserId.ToString()))!, Roles.AgencyStaff);
        }

        var response = await (await App.ClientForAsync(auditor)).PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Administrators_cannot_give_an_auditor_another_role()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var agency = await App.CreateAsync(Roles.Coordinator);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            displayName = "Two hats",
            email = "two.hats@test.example",
            password = "a-good-password-42",
            organisationId = agency.OrganisationId,
            roles = new[] { Roles.Auditor, Roles.Coordinator },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["roles"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_resource_type_without_a_name_is_a_400_not_a_crash()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/resource-types", new { code = "hovercraft", unit = "craft" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["name"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Production", JwtTokenOptions.DevelopmentKey)]
    [InlineData("Staging", "")]
    [InlineData("Production", "too-short")]
    public void The_app_refuses_to_start_with_a_missing_short_or_published_signing_key(string environment, string key)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:CrisisCoord", App.Database.AppConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Auth:Tokens:SigningKey", key);
            CrisisCoordApp.UseTestMail(builder);
            builder.UseSetting("Timeline:CheckpointSigningKey", CrisisCoordApp.CheckpointKeyPem);
            builder.UseSetting("DataProtection:Certificate", CrisisCoordApp.DataProtectionCertificatePem);
        });

        // A published key is refused by the production guards, a missing or short one by the options' own check.
        Should.Throw<Exception>(() => factory.CreateClient()).Message.ShouldContain("Auth:Tokens");
    }
}
