using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Resources;

public sealed class ResourceRegistryApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Theory]
    [InlineData(OrganisationKind.CivicGroup)]
    [InlineData(OrganisationKind.Enterprise)]
    [InlineData(OrganisationKind.Government)]
    public async Task Resource_manager_registers_their_organisations_resource(OrganisationKind kind)
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, kind);
        var client = await App.ClientForAsync(manager);

        var response = await client.PostAsJsonAsync("/api/v1/resources", ResourceData.Water(200));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.ETag.ShouldNotBeNull();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["type"]!.GetValue<string>().ShouldBe("drinking-water");
        body["unit"]!.GetValue<string>().ShouldBe("litre");
        body["quantity"]!.GetValue<decimal>().ShouldBe(200);
        body["organisationId"]!.GetValue<Guid>().ShouldBe(manager.OrganisationId);
        await using var db = App.Database.CreateContext();
        var stored = await db.Resources.SingleAsync();
        stored.OrganisationId.ShouldBe(manager.OrganisationId);
        stored.Quantity.ShouldBe(200);
    }

    [Theory]
    [InlineData(Roles.AgencyStaff)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Citizen)]
    public async Task Other_roles_cannot_register_resources(string role)
    {
        var client = await App.ClientAsAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/resources", ResourceData.Water());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_charter_without_RegisterResources_refuses_the_resource_manager()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        await using (var db = App.Database.CreateContext())
        {
            db.CharterEntries.Add(CharterEntry.For(
                OrganisationKind.Enterprise, manager.OrganisationId, CharterItem.Of(Right.RegisterResources), Phases.None,
                "Suspended pending audit", manager.UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var response = await (await App.ClientForAsync(manager)).PostAsJsonAsync("/api/v1/resources", ResourceData.Water());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("RegisterResources");
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "quantity", "-1", "quantity" },
        { "quantity", "1000000000000", "quantity" },
        { "quantity", "1.005", "quantity" },
        { "quantity", "null", "quantity" },
        { "type", "\"unicorn\"", "type" },
        { "type", "\"\"", "type" },
        { "latitude", "91", "latitude" },
        { "longitude", "-180.5", "longitude" },
        { "placeName", "\"\"", "placeName" },
        { "notes", "\"" + new string('n', 2001) + "\"", "notes" },
        { "availableUntil", "\"2020-01-01T00:00:00Z\"", "availableUntil" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_field_is_400_naming_it_and_writes_nothing(string field, string json, string errorKey)
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var body = ResourceData.Water();
        body["availableFrom"] = "2026-01-01T00:00:00Z";
        body[field] = JsonNode.Parse(json);

        var response = await client.PostAsJsonAsync("/api/v1/resources", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.ContainsKey(errorKey).ShouldBeTrue($"errors were: {errors.ToJsonString()}");
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Holder_updates_quantity_with_the_etag_it_read()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var (created, etag) = await ResourceData.RegisterAsync(client, ResourceData.Water(200));

        var response = await Put(client, created["id"]!.GetValue<Guid>(), ResourceData.Water(150), etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldNotBe(etag);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["quantity"]!.GetValue<decimal>().ShouldBe(150);
    }

    [Fact]
    public async Task Stale_etag_is_412_and_the_newer_write_survives()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var (created, etag) = await ResourceData.RegisterAsync(client, ResourceData.Water(200));
        var id = created["id"]!.GetValue<Guid>();
        (await Put(client, id, ResourceData.Water(150), etag)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await Put(client, id, ResourceData.Water(999), etag);

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync()).Quantity.ShouldBe(150);
    }

    [Fact]
    public async Task Update_without_if_match_is_428()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var (created, _) = await ResourceData.RegisterAsync(client, ResourceData.Water(200));

        var response = await client.PutAsJsonAsync($"/api/v1/resources/{created["id"]}", ResourceData.Water(10));

        response.StatusCode.ShouldBe((HttpStatusCode)428);
        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync()).Quantity.ShouldBe(200);
    }

    [Fact]
    public async Task Two_editors_with_the_same_etag_one_wins_one_gets_412()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var (created, etag) = await ResourceData.RegisterAsync(client, ResourceData.Water(200));
        var id = created["id"]!.GetValue<Guid>();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Put(client, id, ResourceData.Water(i), etag)));

        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(7);
    }

    [Fact]
    public async Task Another_organisations_resource_cannot_be_changed_or_confirmed()
    {
        var redCross = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var logistics = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        var (created, etag) = await ResourceData.RegisterAsync(redCross, ResourceData.Water(200));
        var id = created["id"]!.GetValue<Guid>();

        var update = await Put(logistics, id, ResourceData.Water(0), etag);
        var confirm = await logistics.PostAsync($"/api/v1/resources/{id}/confirm", null);

        update.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync()).Quantity.ShouldBe(200);
    }

    [Fact]
    public async Task Confirming_inventory_stamps_the_time()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        App.Clock.Freeze(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var (created, _) = await ResourceData.RegisterAsync(client, ResourceData.Water());
        App.Clock.Freeze(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

        var response = await client.PostAsync($"/api/v1/resources/{created["id"]}/confirm", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["lastConfirmedAt"]!.GetValue<DateTimeOffset>()
            .ShouldBe(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Unknown_resource_is_404()
    {
        var client = await App.ClientAsAsync(Roles.Coordinator);

        (await client.GetAsync($"/api/v1/resources/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, JsonObject body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/resources/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
