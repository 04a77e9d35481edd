using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Organisations;

/// <summary>An organisation's optional service area: set, shown, cleared and refused when incomplete or out of range.</summary>
public sealed class ServiceAreaTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_administrator_sets_the_service_area_through_the_api_and_clears_it()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var organisation = await OrganisationData.StoreAsync(App.Database, "Xiba Builders", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");

        var set = await PutAsync(client, organisation.Id, Body().With("serviceAreaLatitude", 30.6855).With("serviceAreaLongitude", 114.0987).With("serviceAreaRadiusKm", 25));
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        var area = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/organisations/{organisation.Id}"))!["organisation"]!["serviceArea"]!;
        area["latitude"]!.GetValue<double>().ShouldBe(30.6855);
        area["longitude"]!.GetValue<double>().ShouldBe(114.0987);
        area["radiusKm"]!.GetValue<double>().ShouldBe(25);

        (await PutAsync(client, organisation.Id, Body())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = App.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).ServiceArea.ShouldBeNull("a PUT without the area clears it");
    }

    [Theory]
    [InlineData(30.6, null, null, "serviceAreaLongitude,serviceAreaRadiusKm")]
    [InlineData(91.0, 114.0, 10.0, "serviceAreaLatitude")]
    [InlineData(30.6, 181.0, 10.0, "serviceAreaLongitude")]
    [InlineData(30.6, 114.0, 0.0, "serviceAreaRadiusKm")]
    [InlineData(30.6, 114.0, 5000.0, "serviceAreaRadiusKm")]
    public async Task An_incomplete_or_impossible_area_is_refused_naming_the_field_and_nothing_changes(double? latitude, double? longitude, double? radius, string fields)
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var organisation = await OrganisationData.StoreAsync(App.Database, "Xiba Builders", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");

        var response = await PutAsync(client, organisation.Id, Body()
            .With("serviceAreaLatitude", latitude).With("serviceAreaLongitude", longitude).With("serviceAreaRadiusKm", radius));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(fields.Split(','), ignoreOrder: true);
        await using var db = App.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).ServiceArea.ShouldBeNull();
    }

    [Fact]
    public async Task The_edit_page_sets_the_area_and_the_organisation_page_shows_it()
    {
        var admin = await App.CreateAsync(Roles.Administrator);
        var organisation = await OrganisationData.StoreAsync(App.Database, "Xiba Builders", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var page = await PageClient.SignedInAsync(App, admin);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Xiba Builders",
            ["Input.Level"] = "Town",
            ["Input.AreaName"] = "Xiba Town",
            ["Input.ServiceAreaLatitude"] = "30.6855",
            ["Input.ServiceAreaLongitude"] = "114.0987",
            ["Input.ServiceAreaRadiusKm"] = "abc",
        };

        var (refused, form) = await page.SubmitAsync($"/Organisations/{organisation.Id}/Edit", fields, "form.form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("[data-valmsg-for='Input.ServiceAreaRadiusKm']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        form.QuerySelector<IHtmlInputElement>("#Input_ServiceAreaLatitude")!.Value.ShouldBe("30.6855", "what was typed is kept");

        fields["Input.ServiceAreaRadiusKm"] = "25";
        var (saved, _) = await page.SubmitAsync($"/Organisations/{organisation.Id}/Edit", fields, "form.form");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, details) = await page.GetAsync($"/Organisations/{organisation.Id}");
        details.QuerySelector("#service-area")!.TextContent.ShouldBe("Within 25 km of 30.6855, 114.0987");
    }

    private static JsonObject Body() => new() { ["name"] = "Xiba Builders", ["level"] = "Town", ["areaName"] = "Xiba Town" };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, JsonObject body)
    {
        var etag = (await client.GetAsync($"/api/v1/organisations/{id}")).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organisations/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
