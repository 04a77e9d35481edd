using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>The organisation that reports an incident takes part in it from the start.</summary>
public sealed class ReportingOrganisationTakesPartTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task The_reporting_organisation_may_submit_its_own_situation_report()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Government, AdministrativeLevel.Town);
        var client = await App.ClientForAsync(staff);
        var incident = (await IncidentData.LogAsync(client, IncidentData.ValidBody()))["id"]!.GetValue<Guid>();

        var read = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}"))!;
        var allowed = read["capabilities"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var sent = await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/sitreps", new { summary = "Two farms flooded" });

        var body = await sent.Content.ReadAsStringAsync();
        (allowed.Contains("SubmitSituationReport"), sent.StatusCode, body).ShouldBe((true, HttpStatusCode.Created, body));
    }
}
