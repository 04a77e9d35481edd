using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Organisations;

public sealed class OrganisationsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Directory_lists_highest_level_first_then_by_name_and_filters_by_kind_level_area_and_text()
    {
        var client = await App.ClientAsAsync(Roles.Auditor);
        await OrganisationData.StoreAsync(App.Database, "Zeta Village Committee", OrganisationKind.Government, AdministrativeLevel.Village, "Zeta Village");
        await OrganisationData.StoreAsync(App.Database, "Alpha Town Government", OrganisationKind.Government, AdministrativeLevel.Town, "Alpha Town");
        await OrganisationData.StoreAsync(App.Database, "City Red Cross", OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe City");
        await OrganisationData.StoreAsync(App.Database, "Ministry", OrganisationKind.Government, AdministrativeLevel.Country, "National");
        await OrganisationData.StoreAsync(App.Database, "Alpha Food Bank", OrganisationKind.CivicGroup, AdministrativeLevel.Town, "Qinghe City");

        var all = await NamesAsync(client, "/api/v1/organisations");
        var civic = await NamesAsync(client, "/api/v1/organisations?kind=civicgroup");
        var towns = await NamesAsync(client, "/api/v1/organisations?level=Town");
        var inQinghe = await NamesAsync(client, "/api/v1/organisations?area=QINGHE");
        var alpha = await NamesAsync(client, "/api/v1/organisations?q=alpha&kind=Government");
        var byArea = await NamesAsync(client, "/api/v1/organisations?q=zeta village");

        // Ministry and the auditor's own test organisation share the top levels; check relative order.
        all.Where(n => !n.StartsWith("Government", StringComparison.Ordinal)).ShouldBe(
            ["Ministry", "City Red Cross", "Alpha Food Bank", "Alpha Town Government", "Zeta Village Committee"]);
        civic.ShouldBe(["City Red Cross", "Alpha Food Bank"]);
        towns.Where(n => !n.StartsWith("Government", StringComparison.Ordinal)).ShouldBe(["Alpha Food Bank", "Alpha Town Government"]);
        inQinghe.ShouldBe(["City Red Cross", "Alpha Food Bank"]);
        alpha.ShouldBe(["Alpha Town Government"]);
        byArea.ShouldBe(["Zeta Village Committee"]);
    }

    [Fact]
    public async Task Directory_refuses_an_unknown_kind_or_level_listing_the_allowed_values()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.GetAsync("/api/v1/organisations?kind=Charity&level=Province");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        errors["kind"]![0]!.GetValue<string>().ShouldBe("'Charity' is not valid. Use one of: Government, CivicGroup, Enterprise, Citizen.");
        errors["level"]![0]!.GetValue<string>().ShouldContain("Village, Town, City, Country");
    }

    [Fact]
    public async Task Detail_shows_profile_charter_and_etag_but_people_only_to_administrators()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup);
        var admin = await App.CreateAsync(Roles.Administrator);
        var url = $"/api/v1/organisations/{staff.OrganisationId}";

        var asStaff = await (await App.ClientForAsync(staff)).GetAsync(url);
        var asAdmin = await (await App.ClientForAsync(admin)).GetAsync(url);

        asStaff.StatusCode.ShouldBe(HttpStatusCode.OK);
        var staffView = (await asStaff.Content.ReadFromJsonAsync<JsonObject>())!;
        staffView["capabilities"]!["refused"]!["ViewPeople"]!.GetValue<string>().ShouldBe("This needs the role Coordinator or Administrator.");
        staffView["people"]!.AsArray().ShouldBeEmpty();
        staffView["organisation"]!["profile"]!["neutrality"]!.GetValue<string>().ShouldBe("Mostly neutral; aid by need");
        var assignTasks = staffView["charter"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "Right.AssignTasks")!;
        assignTasks["phases"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Recovery"]);
        assignTasks["source"]!.GetValue<string>().ShouldBe("Default");
        staffView["charter"]!.AsArray().Count.ShouldBe(19);
        asStaff.Headers.ETag!.Tag.ShouldBe($"\"{staffView["organisation"]!["version"]}\"");

        var adminView = (await asAdmin.Content.ReadFromJsonAsync<JsonObject>())!;
        adminView["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("ViewPeople");
        var person = adminView["people"]!.AsArray().Single()!;
        person["email"]!.GetValue<string>().ShouldBe(staff.Email);
        person["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([Roles.AgencyStaff]);
    }

    [Fact]
    public async Task Unknown_organisation_is_404()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrator_registers_an_organisation_with_the_kind_default_profile()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);

        var response = await client.PostAsJsonAsync("/api/v1/organisations", OrganisationData.ValidBody().With("purpose", "  Fight fires in Nanhu  "));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["id"]!.GetValue<Guid>();
        response.Headers.Location!.ToString().ShouldEndWith($"/api/v1/organisations/{id}");
        response.Headers.ETag!.Tag.ShouldBe($"\"{body["version"]}\"");
        body["kind"]!.GetValue<string>().ShouldBe("CivicGroup");

        await using var db = App.Database.CreateContext();
        var stored = await db.Organisations.SingleAsync(o => o.Id == id);
        stored.Name.ShouldBe("Nanhu Volunteer Fire Brigade");
        stored.Level.ShouldBe(AdministrativeLevel.Town);
        stored.ContactEmail.ShouldBe("chief@nanhu-fire.example");
        stored.Profile.Purpose.ShouldBe("Fight fires in Nanhu");
        stored.Profile.Neutrality.ShouldBe(OrganisationProfile.DefaultFor(OrganisationKind.CivicGroup).Neutrality);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.AgencyStaff)]
    public async Task Non_administrators_cannot_register_and_nothing_is_written(string role)
    {
        var client = await App.ClientAsAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/organisations", OrganisationData.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.Database.CreateContext();
        (await db.Organisations.AnyAsync(o => o.Name == "Nanhu Volunteer Fire Brigade")).ShouldBeFalse();
    }

    [Fact]
    public async Task Duplicate_name_in_any_case_is_a_400_on_name_and_nothing_is_written()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        await OrganisationData.StoreAsync(App.Database, "Nanhu Volunteer Fire Brigade", OrganisationKind.CivicGroup, AdministrativeLevel.Town, "Nanhu");

        var response = await client.PostAsJsonAsync("/api/v1/organisations", OrganisationData.ValidBody("NANHU volunteer fire brigade"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name"]);
        errors["name"]![0]!.GetValue<string>().ShouldContain("already registered");
        await using var db = App.Database.CreateContext();
        (await db.Organisations.CountAsync(o => o.Name.ToLower() == "nanhu volunteer fire brigade")).ShouldBe(1);
    }

    [Fact]
    public async Task Missing_fields_and_bad_kind_are_400_per_field()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);

        var response = await client.PostAsJsonAsync("/api/v1/organisations", new JsonObject { ["contactEmail"] = "not-an-address" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["areaName", "contactEmail", "kind", "level", "name"]);
    }

    [Fact]
    public async Task Administrator_updates_with_the_current_etag_and_gets_a_new_one()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var organisation = await OrganisationData.StoreAsync(App.Database, "Old Name", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var etag = (await client.GetAsync($"/api/v1/organisations/{organisation.Id}")).Headers.ETag!.Tag;

        var response = await PutAsync(client, organisation.Id, UpdateBody("New Name"), etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["name"]!.GetValue<string>().ShouldBe("New Name");
        body["kind"]!.GetValue<string>().ShouldBe("Enterprise");
        response.Headers.ETag!.Tag.ShouldNotBe(etag);
        response.Headers.ETag!.Tag.ShouldBe($"\"{body["version"]}\"");
        await using var db = App.Database.CreateContext();
        var stored = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
        stored.Name.ShouldBe("New Name");
        stored.Level.ShouldBe(AdministrativeLevel.City);
        stored.Kind.ShouldBe(OrganisationKind.Enterprise);
    }

    [Fact]
    public async Task Stale_if_match_is_412_and_the_other_change_is_kept()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var organisation = await OrganisationData.StoreAsync(App.Database, "Old Name", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var etag = (await client.GetAsync($"/api/v1/organisations/{organisation.Id}")).Headers.ETag!.Tag;
        (await PutAsync(client, organisation.Id, UpdateBody("First Writer"), etag)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await PutAsync(client, organisation.Id, UpdateBody("Second Writer"), etag);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var db = App.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).Name.ShouldBe("First Writer");
    }

    [Fact]
    public async Task Put_without_if_match_is_428_and_nothing_changes()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var organisation = await OrganisationData.StoreAsync(App.Database, "Old Name", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");

        var response = await PutAsync(client, organisation.Id, UpdateBody("New Name").With("version", 1), ifMatch: null);

        response.StatusCode.ShouldBe((HttpStatusCode)428);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("If-Match");
        await using var db = App.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).Name.ShouldBe("Old Name");
    }

    [Fact]
    public async Task Non_administrator_cannot_update()
    {
        var organisation = await OrganisationData.StoreAsync(App.Database, "Old Name", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var client = await App.ClientForAsync(await App.CreateAsync(Roles.Coordinator, organisationId: organisation.Id));
        var etag = (await client.GetAsync($"/api/v1/organisations/{organisation.Id}")).Headers.ETag!.Tag;

        var response = await PutAsync(client, organisation.Id, UpdateBody("Taken Over"), etag);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).Name.ShouldBe("Old Name");
    }

    [Fact]
    public async Task Renaming_to_another_organisations_name_is_a_400_on_name()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        await OrganisationData.StoreAsync(App.Database, "Taken Name", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var organisation = await OrganisationData.StoreAsync(App.Database, "Old Name", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var etag = (await client.GetAsync($"/api/v1/organisations/{organisation.Id}")).Headers.ETag!.Tag;

        var keepOwnName = await PutAsync(client, organisation.Id, UpdateBody("Old Name"), etag);
        var response = await PutAsync(client, organisation.Id, UpdateBody("Taken Name"), keepOwnName.Headers.ETag!.Tag);

        keepOwnName.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["name"].ShouldNotBeNull();
    }

    private static JsonObject UpdateBody(string name) => new()
    {
        ["name"] = name,
        ["level"] = "City",
        ["areaName"] = "Qinghe City",
        ["contactName"] = "Dispatch",
    };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, JsonObject body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organisations/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())];
    }
}
