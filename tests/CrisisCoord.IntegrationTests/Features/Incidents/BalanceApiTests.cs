using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

/// <summary>The balance indicator computed from the incident's real tasks and participants.</summary>
public sealed class BalanceApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Most_work_with_one_ngo_is_flagged_as_a_monopoly_and_a_missing_lead_as_limbo()
    {
        var scene = await TaskScene.CreateAsync(App);
        var town = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Government, AdministrativeLevel.Town);
        var builder = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        foreach (var organisation in new[] { town.OrganisationId, builder.OrganisationId })
        {
            (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/participants", new { organisationId = organisation })).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 4; i++)
        {
            await scene.TaskAsync();
        }

        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/tasks", new { title = "Survey", assignedOrganisationId = town.OrganisationId })).EnsureSuccessStatusCode();

        var balance = (await scene.CoordinatorClient.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{scene.Incident}/balance"))!;
        balance["phase"]!.GetValue<string>().ShouldBe("Response");
        var report = balance["report"]!;
        report["activeTasks"]!.GetValue<int>().ShouldBe(5);
        report["hhi"]!.GetValue<decimal>().ShouldBe(0.68m); // 0.8² + 0.2²
        report["byKind"]!.AsArray().First()!["name"]!.GetValue<string>().ShouldBe("CivicGroup");
        report["monopoly"]!.GetValue<bool>().ShouldBeTrue();
        report["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain("Limbo: no lead organisation is named.");

        (await scene.CoordinatorClient.GetAsync($"/api/v1/incidents/{scene.Incident}/balance?phase=Lunch")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await scene.CoordinatorClient.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}/balance")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
