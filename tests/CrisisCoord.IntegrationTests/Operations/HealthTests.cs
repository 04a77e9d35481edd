using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Operations;

public sealed class HealthTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Ready_reports_healthy_with_the_database_check()
    {
        var response = await App.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        report["status"]!.GetValue<string>().ShouldBe("Healthy");
        report["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldContain("database");
    }

    [Fact]
    public async Task Live_answers_without_touching_the_database()
    {
        var response = await App.CreateClient().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        report["checks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_cannot_be_reached_while_live_stays_200()
    {
        using var unreachable = App.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:CrisisCoord", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2"));
        var client = unreachable.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_api_route_is_404_problem_details()
    {
        var response = await App.CreateClient().GetAsync("/api/v1/nothing-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
