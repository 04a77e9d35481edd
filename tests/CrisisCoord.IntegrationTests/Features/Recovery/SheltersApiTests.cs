using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Recovery;

/// <summary>Shelters (capacity and occupancy) and relief distributions, which consume the distributor's stock for good.</summary>
public sealed class SheltersApiTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Hostile = "<img src=x onerror=alert(1)> Qinghe \"Middle\" School gym";

    private static object Shelter(int capacity = 200, int occupancy = 150) => new
    {
        name = Hostile,
        placeName = "Qinghe Road 12",
        latitude = 30.5931,
        longitude = 114.3962,
        capacity,
        occupancy,
    };

    [Fact]
    public async Task Those_taking_part_open_shelters_and_keep_occupancy_within_capacity_over_the_version_they_saw()
    {
        var s = await RequestScene.CreateAsync(App);
        var opened = await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/shelters", Shelter());
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var shelter = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = shelter["id"]!.GetValue<Guid>();
        shelter["name"]!.GetValue<string>().ShouldBe(Hostile);
        shelter["free"]!.GetValue<int>().ShouldBe(50);
        var etag = opened.Headers.ETag!.Tag;

        var over = await PutAsync(s.Ngo, id, 201, etag);
        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await over.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["occupancy"]![0]!.GetValue<string>().ShouldContain("over the shelter's capacity (200)");
        (await PutAsync(s.Ngo, id, -1, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Ngo.PutAsJsonAsync($"/api/v1/shelters/{id}/occupancy", new { occupancy = 10 })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);

        var updated = await PutAsync(s.Ngo, id, 200, etag);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await PutAsync(s.Coordinator, id, 180, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, "the shelter's people changed it meanwhile");
        (await PutAsync(s.Coordinator, id, 180, updated.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.OK, "coordinators may correct it too");

        var outsider = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        (await PutAsync(outsider, id, 10, "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/shelters", Shelter())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var view = (await s.Coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{s.Incident}/shelters"))!;
        var listed = view["shelters"]!.AsArray().ShouldHaveSingleItem()!;
        listed["occupancy"]!.GetValue<int>().ShouldBe(180);
        listed["capacity"]!.GetValue<int>().ShouldBe(200);
        view["occupancy"]!.GetValue<int>().ShouldBe(180);

        await using var db = App.Database.CreateContext();
        (await db.Shelters.SingleAsync()).OrganisationId.ShouldBe(s.Scene.Ngo.OrganisationId);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "OpenShelter")).ShouldBe(1);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "UpdateShelterOccupancy")).ShouldBe(2);
    }

    [Fact]
    public async Task A_shelter_opened_over_capacity_or_half_described_is_refused_by_field()
    {
        var s = await RequestScene.CreateAsync(App);
        var bad = await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/shelters", new { name = "", latitude = 91, capacity = 10, occupancy = 11 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name", "placeName", "latitude", "longitude", "occupancy"], ignoreOrder: true);
        errors["occupancy"]![0]!.GetValue<string>().ShouldContain("over the shelter's capacity (10)");

        await using var db = App.Database.CreateContext();
        (await db.Shelters.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Relief_handed_out_leaves_the_stock_for_good_but_never_below_what_is_committed()
    {
        var s = await RequestScene.CreateAsync(App, water: 500);
        var request = await s.RaiseAsync(300);
        await s.CommitAsync(request, await s.OfferAsync(request, 100));
        var shelter = (await RequestScene.OkAsync(await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/shelters", Shelter())))["id"]!.GetValue<Guid>();

        var handed = await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions", new { resourceId = s.Water, quantity = 350.5m, households = 120, shelterId = shelter, notes = Hostile });
        handed.StatusCode.ShouldBe(HttpStatusCode.Created, await handed.Content.ReadAsStringAsync());
        var distribution = (await handed.Content.ReadFromJsonAsync<JsonObject>())!;
        distribution["placeName"]!.GetValue<string>().ShouldBe("Qinghe Road 12", "at a shelter, the place is the shelter's");
        distribution["type"]!.GetValue<string>().ShouldBe("drinking-water");
        distribution["notes"]!.GetValue<string>().ShouldBe(Hostile);

        var tooMuch = await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions", new { resourceId = s.Water, quantity = 50, households = 10, placeName = "Dock 3", latitude = 30.6, longitude = 114.3 });
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tooMuch.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("below what is committed");

        var view = (await s.Ngo.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{s.Incident}/shelters"))!;
        view["households"]!.GetValue<int>().ShouldBe(120);
        view["myResources"]!.AsArray().ShouldHaveSingleItem()!["available"]!.GetValue<decimal>().ShouldBe(49.5m);

        await using var db = App.Database.CreateContext();
        var water = await db.Resources.SingleAsync(r => r.Id == s.Water);
        water.Quantity.ShouldBe(149.5m);
        water.Committed.ShouldBe(100m);
        (await db.ReliefDistributions.SumAsync(d => d.Quantity)).ShouldBe(350.5m);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "DistributeRelief")).ShouldBe(1, "the refused hand-out wrote nothing");
    }

    [Fact]
    public async Task Relief_comes_from_the_distributors_own_stock_and_bad_input_writes_nothing()
    {
        var s = await RequestScene.CreateAsync(App);
        var coordinatorWater = (await ResourceData.RegisterAsync(await App.ClientForAsync(await App.CreateAsync(Roles.ResourceManager, organisationId: s.Scene.Coordinator.OrganisationId)), ResourceData.Water(50))).Body["id"]!.GetValue<Guid>();

        var bad = await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions", new { resourceId = coordinatorWater, quantity = 0, households = 0, shelterId = Guid.NewGuid() });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["resourceId", "quantity", "shelterId", "households"], ignoreOrder: true);
        errors["resourceId"]![0]!.GetValue<string>().ShouldContain("not one of your organisation's registered resources");

        var nowhere = await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions", new { resourceId = s.Water, quantity = 1, households = 1 });
        nowhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nowhere.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["placeName"].ShouldNotBeNull();

        var outsider = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        (await (await App.ClientForAsync(outsider)).PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions", new { resourceId = s.Water, quantity = 1, households = 1, placeName = "Dock", latitude = 1, longitude = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = App.Database.CreateContext();
        (await db.ReliefDistributions.CountAsync()).ShouldBe(0);
        (await db.Resources.SingleAsync(r => r.Id == s.Water)).Quantity.ShouldBe(s.WaterQuantity);
    }

    [Fact]
    public async Task Concurrent_hand_outs_from_one_stock_never_overdraw_it()
    {
        var s = await RequestScene.CreateAsync(App, water: 100);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions", new { resourceId = s.Water, quantity = 30, households = 5, placeName = "Dock 3", latitude = 30.6, longitude = 114.3 })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync(r => r.Id == s.Water)).Quantity.ShouldBe(10m);
        (await db.ReliefDistributions.SumAsync(d => d.Quantity)).ShouldBe(90m);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == s.Incident && e.Action == "DistributeRelief")).ShouldBe(3);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid shelter, int occupancy, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/shelters/{shelter}/occupancy") { Content = JsonContent.Create(new { occupancy }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
