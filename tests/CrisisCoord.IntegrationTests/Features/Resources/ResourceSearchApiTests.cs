using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Resources;

public sealed class ResourceSearchApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Catalogue_lists_the_standard_types_with_units()
    {
        var client = await App.ClientAsAsync(Roles.Coordinator);

        var types = (await client.GetFromJsonAsync<JsonArray>("/api/v1/resource-types"))!;

        types.Select(t => t!["code"]!.GetValue<string>()).ShouldContain("rescue-boat");
        types.Single(t => t!["code"]!.GetValue<string>() == "shelter-bed")!["unit"]!.GetValue<string>().ShouldBe("bed");
    }

    [Fact]
    public async Task Administrator_extends_the_catalogue_and_duplicates_are_refused()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var body = new { code = "water-purifier", name = "Water purification unit", unit = "unit" };

        var created = await admin.PostAsJsonAsync("/api/v1/resource-types", body);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/resource-types", body);
        var byManager = await (await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup))
            .PostAsJsonAsync("/api/v1/resource-types", new { code = "hovercraft", name = "Hovercraft", unit = "craft" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["code"].ShouldNotBeNull();
        byManager.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Searches_by_type_organisation_distance_and_availability()
    {
        var redCrossManager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var redCross = await App.ClientForAsync(redCrossManager);
        var logistics = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        // Xiba is the search point; the depot is ~22 km away, the far warehouse ~110 km.
        await ResourceData.RegisterAsync(redCross, ResourceData.Water(200, 30.6012, 114.3105));
        await ResourceData.RegisterAsync(logistics, ResourceData.Water(5000, 31.6893, 114.1022));
        var boats = ResourceData.Water(3, 30.6900, 114.1100);
        boats["type"] = "rescue-boat";
        await ResourceData.RegisterAsync(redCross, boats);
        var later = ResourceData.Water(80, 30.6893, 114.1022);
        later["availableFrom"] = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        await ResourceData.RegisterAsync(logistics, later);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var water = await Search(coordinator, "type=drinking-water");
        var mine = await Search(coordinator, $"organisationId={redCrossManager.OrganisationId}");
        var near = await Search(coordinator, "type=drinking-water&nearLatitude=30.6893&nearLongitude=114.1022&withinKm=50");
        var now = await Search(coordinator, "type=drinking-water&availableNow=true");

        water.Count.ShouldBe(3);
        mine.Select(r => r["type"]!.GetValue<string>()).Order().ShouldBe(["drinking-water", "rescue-boat"]);
        near.Select(r => r["quantity"]!.GetValue<decimal>()).ShouldBe([80m, 200m]);
        near[1]["distanceKm"]!.GetValue<double>().ShouldBeInRange(18, 26);
        now.Select(r => r["quantity"]!.GetValue<decimal>()).Order().ShouldBe([200m, 5000m]);
    }

    [Theory]
    [InlineData("type=unicorn", "type")]
    [InlineData("nearLatitude=95&nearLongitude=114", "nearLatitude")]
    [InlineData("nearLatitude=30", "nearLongitude")]
    [InlineData("nearLatitude=30&nearLongitude=114&withinKm=0", "withinKm")]
    [InlineData("limit=0", "limit")]
    [InlineData("organisationId=not-a-guid", "organisationId")]
    public async Task Bad_search_is_400_naming_the_parameter(string query, string errorKey)
    {
        var client = await App.ClientAsAsync(Roles.Coordinator);

        var response = await client.GetAsync($"/api/v1/resources?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.ContainsKey(errorKey).ShouldBeTrue($"errors were: {errors.ToJsonString()}");
    }

    private static async Task<List<JsonObject>> Search(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/resources?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.AsObject())];
    }
}
