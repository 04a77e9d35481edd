using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

/// <summary>Situation reports and the shared log: from organisations taking part, newest first.</summary>
public sealed class SituationReportsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Participants_report_and_post_updates_and_the_latest_report_per_organisation_comes_first()
    {
        var scene = await TaskScene.CreateAsync(App);
        var path = $"/api/v1/incidents/{scene.Incident}/sitreps";

        (await scene.NgoClient.PostAsJsonAsync(path, new { summary = "One shelter open", peopleAffected = 300 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        (await scene.NgoClient.PostAsJsonAsync(path, new { summary = "Two shelters open", casualties = 2, peopleAffected = 800, needs = "Blankets" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/log", new { text = "Boats launched at the east bank" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reporting = (await scene.CoordinatorClient.GetFromJsonAsync<JsonObject>(path))!;
        var reports = reporting["reports"]!.AsArray();
        reports.Count.ShouldBe(2);
        reports[0]!["summary"]!.GetValue<string>().ShouldBe("Two shelters open");
        reports[0]!["peopleAffected"]!.GetValue<int>().ShouldBe(800);
        reporting["log"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe("Boats launched at the east bank");
    }

    [Fact]
    public async Task Reports_from_outsiders_or_with_bad_figures_are_refused()
    {
        var scene = await TaskScene.CreateAsync(App);
        var path = $"/api/v1/incidents/{scene.Incident}/sitreps";

        (await scene.NgoClient.PostAsJsonAsync(path, new { summary = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await scene.NgoClient.PostAsJsonAsync(path, new { summary = "x", casualties = -1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await scene.NgoClient.PostAsJsonAsync(path, new { summary = "x", peopleAffected = "many" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var outsider = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        var refused = await outsider.PostAsJsonAsync(path, new { summary = "We saw it" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldBe("Only organisations taking part in this incident do this; ask to join it first.");
        (await outsider.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/log", new { text = "hello" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await App.ClientAsAsync(Roles.Citizen, OrganisationKind.Citizen)).PostAsJsonAsync(path, new { summary = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/sitreps", new { summary = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await scene.CoordinatorClient.GetFromJsonAsync<JsonObject>(path))!["reports"]!.AsArray().ShouldBeEmpty();
    }
}
