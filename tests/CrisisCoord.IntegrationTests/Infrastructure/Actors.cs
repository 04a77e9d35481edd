using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>A person the tests act as: their account, organisation and password.</summary>
public sealed record Actor(Guid UserId, Guid OrganisationId, OrganisationKind Kind, string Email, string Password, string Role);

public static class Actors
{
    public const string Password = "test-password-2026";

    /// <summary>
    /// An organisation of the given kind with one member holding <paramref name="role"/>. A government
    /// coordinator's body is at Country level unless a level is named: under graded response it then coordinates
    /// any incident, as the tests of coordination assume; tests of narrower coordinators name the level.
    /// </summary>
    public static async Task<Actor> CreateAsync(
        this CrisisCoordApp app,
        string role,
        OrganisationKind kind = OrganisationKind.Government,
        AdministrativeLevel? level = null,
        Guid? organisationId = null)
    {
        level ??= role == Roles.Coordinator && kind == OrganisationKind.Government ? AdministrativeLevel.Country : AdministrativeLevel.Town;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (organisationId is null)
        {
            var organisation = Organisation.Register(
                $"{kind} {level} {Guid.NewGuid():N}", kind, level.Value, "Test Area", OrganisationContact.None, null, DateTimeOffset.UtcNow);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            organisationId = organisation.Id;
        }
        else
        {
            kind = db.Organisations.Single(o => o.Id == organisationId).Kind;
        }

        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.example";
        var person = await Accounts.CreateAsync(users, $"Test {role}", email, Password, organisationId.Value, [role]);
        return new Actor(person.Id, organisationId.Value, kind, email, Password, role);
    }

    /// <summary>A person who registered themself and acts for no organisation (<see cref="Actor.OrganisationId"/> is empty).</summary>
    public static async Task<Actor> CreatePrivateCitizenAsync(this CrisisCoordApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"private.{Guid.NewGuid():N}@test.example";
        var person = await Accounts.CreateAsync(users, "Test private citizen", email, Password, null, [Roles.Citizen]);
        return new Actor(person.Id, Guid.Empty, OrganisationKind.Citizen, email, Password, Roles.Citizen);
    }

    /// <summary>An API client carrying a bearer token obtained from POST /api/v1/auth/token.</summary>
    public static async Task<HttpClient> ClientForAsync(this CrisisCoordApp app, Actor actor)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> ClientAsAsync(
        this CrisisCoordApp app, string role, OrganisationKind kind = OrganisationKind.Government) =>
        await app.ClientForAsync(await app.CreateAsync(role, kind));
}
