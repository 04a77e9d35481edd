using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

public sealed class LogIncidentApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Logs_an_incident_and_returns_201_with_location_and_body()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = Guid.Parse(body["id"]!.GetValue<string>());
        response.Headers.Location!.ToString().ShouldEndWith($"/api/v1/incidents/{id}");
        response.Headers.ETag.ShouldNotBeNull();
        body["title"]!.GetValue<string>().ShouldBe("Levee breach at Dongshan");
        body["category"]!.GetValue<string>().ShouldBe("NaturalDisaster");
        body["severity"]!.GetValue<string>().ShouldBe("II");
        body["state"]!.GetValue<string>().ShouldBe("Reported");
        body["placeName"]!.GetValue<string>().ShouldBe("Dongshan Town, Qing River levee km 12");

        await using var db = App.Database.CreateContext();
        var stored = await db.Incidents.SingleAsync();
        stored.Id.ShouldBe(id);
        stored.Severity.ShouldBe(Severity.II);
        stored.State.ShouldBe(IncidentState.Reported);
        stored.Latitude.ShouldBe(30.5124);
    }

    [Fact]
    public async Task Times_are_stored_as_timestamptz()
    {
        await using var db = App.Database.CreateContext();

        var types = await db.Database
            .SqlQuery<string>($"SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'incidents' AND column_name IN ('reported_at', 'state_changed_at')")
            .ToListAsync();

        types.ShouldBe(["timestamp with time zone", "timestamp with time zone"]);
    }

    [Fact]
    public async Task Stored_incident_can_be_read_back_with_the_same_body()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        var created = await IncidentData.LogAsync(client, IncidentData.ValidBody());

        var response = await client.GetAsync($"/api/v1/incidents/{created["id"]}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        // A read of one incident adds what the reader may do to it; the rest is the body the write returned.
        read.Remove("capabilities").ShouldBeTrue();
        read.ToJsonString().ShouldBe(created.ToJsonString());
    }

    [Fact]
    public async Task Unknown_incident_is_404_problem_details()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        var id = Guid.NewGuid();

        var response = await client.GetAsync($"/api/v1/incidents/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["status"]!.GetValue<int>().ShouldBe(404);
        problem["detail"]!.GetValue<string>().ShouldContain(id.ToString());
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        // field, JSON value, error key expected in "errors"
        { "title", "\"\"", "title" },
        { "title", "\"" + new string('x', 10_000) + "\"", "title" },
        { "title", "null", "title" },
        { "latitude", "91", "latitude" },
        { "latitude", "null", "latitude" },
        { "longitude", "null", "longitude" },
        { "latitude", "-90.5", "latitude" },
        { "longitude", "180.01", "longitude" },
        { "latitude", "\"north\"", "latitude" },
        { "category", "\"Flood\"", "category" },
        { "category", "3", "category" },
        { "severity", "\"V\"", "severity" },
        { "severity", "1", "severity" },
        { "placeName", "\"\"", "placeName" },
        { "description", "\"" + new string('d', 4001) + "\"", "description" },
        { "title", "\"Bridge\\u0000collapse\"", "title" },
        { "placeName", "\"Km\\u0007 4\"", "placeName" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_field_is_400_naming_the_field_and_writes_nothing(string field, string json, string errorKey)
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        var body = IncidentData.ValidBody().With(field, JsonNode.Parse(json));

        var response = await client.PostAsJsonAsync("/api/v1/incidents", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsObject();
        errors.ContainsKey(errorKey).ShouldBeTrue($"errors were: {errors.ToJsonString()}");
        errors[errorKey]!.AsArray()[0]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Several_invalid_fields_are_reported_together()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        var body = IncidentData.ValidBody().With("title", "").With("latitude", 91).With("longitude", -181);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["latitude", "longitude", "title"]);
    }

    [Fact]
    public async Task Unknown_category_message_lists_the_allowed_values()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody().With("category", "Flood"));

        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var message = errors["category"]!.AsArray()[0]!.GetValue<string>();
        message.ShouldContain("'Flood'");
        message.ShouldContain("NaturalDisaster, AccidentDisaster, PublicHealth, SocialSecurity");
    }

    [Theory]
    [InlineData("{\"title\": \"Flood\", ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_json_is_400_and_writes_nothing(string raw)
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.PostAsync("/api/v1/incidents", new StringContent(raw, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Empty_body_is_400_and_writes_nothing()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.PostAsync("/api/v1/incidents", new StringContent("", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.ContainsKey("body").ShouldBeTrue();
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Wrong_content_type_is_refused_with_415_problem_details()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        var json = IncidentData.ValidBody().ToJsonString();

        var response = await client.PostAsync("/api/v1/incidents", new StringContent(json, Encoding.UTF8, "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["detail"]!.GetValue<string>().ShouldContain("Content-Type: application/json");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }
}
