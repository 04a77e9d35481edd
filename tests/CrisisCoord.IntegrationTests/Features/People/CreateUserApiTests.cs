using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.People;

public sealed class CreateUserApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Administrator_creates_a_person_with_roles_who_can_then_sign_in()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            displayName = "Li Na",
            email = "li.na@test.example",
            password = "a-good-password-42",
            organisationId = ngo.OrganisationId,
            roles = new[] { Roles.ResourceManager, Roles.AgencyStaff },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order().ShouldBe([Roles.AgencyStaff, Roles.ResourceManager]);
        var person = new Actor(body["id"]!.GetValue<Guid>(), ngo.OrganisationId, OrganisationKind.CivicGroup, "li.na@test.example", "a-good-password-42", Roles.ResourceManager);
        var client = await App.ClientForAsync(person);
        (await client.GetAsync("/api/v1/resources")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.ResourceManager)]
    public async Task Only_administrators_create_people(string role)
    {
        var client = await App.ClientAsAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/users", new
        {
            displayName = "Sneaky",
            email = "sneaky@test.example",
            password = "a-good-password-42",
            organisationId = Guid.NewGuid(),
            roles = new[] { Roles.Administrator },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.Database.CreateContext();
        (await db.Users.AnyAsync(u => u.Email == "sneaky@test.example")).ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_person_is_400_per_field_and_nothing_is_written()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var existing = await App.CreateAsync(Roles.Coordinator);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            displayName = "",
            email = existing.Email,
            password = "short",
            organisationId = Guid.NewGuid(),
            roles = new[] { "Overlord" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["displayName", "email", "password", "organisationId", "roles"], ignoreOrder: true);
        await using var db = App.Database.CreateContext();
        (await db.Users.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Taken_email_and_weak_password_are_refused_by_field()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var existing = await App.CreateAsync(Roles.Coordinator);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            displayName = "Twin",
            email = existing.Email,
            password = "short",
            organisationId = existing.OrganisationId,
            roles = new[] { Roles.Coordinator },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.ContainsKey("email").ShouldBeTrue(errors.ToJsonString());
        errors.ContainsKey("password").ShouldBeTrue(errors.ToJsonString());
    }

    [Fact]
    public async Task The_citizen_role_is_only_for_citizens_groups()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var agency = await App.CreateAsync(Roles.Coordinator);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            displayName = "Resident",
            email = "resident@test.example",
            password = "a-good-password-42",
            organisationId = agency.OrganisationId,
            roles = new[] { Roles.Citizen },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["roles"].ShouldNotBeNull();
    }
}
