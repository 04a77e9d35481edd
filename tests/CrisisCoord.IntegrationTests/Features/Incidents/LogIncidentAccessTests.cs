using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

public sealed class LogIncidentAccessTests(CrisisCoordApp app) : AppTest(app)
{
    [Theory]
    [InlineData(Roles.AgencyStaff, OrganisationKind.Government)]
    [InlineData(Roles.Coordinator, OrganisationKind.Government)]
    [InlineData(Roles.AgencyStaff, OrganisationKind.CivicGroup)]
    [InlineData(Roles.AgencyStaff, OrganisationKind.Enterprise)]
    [InlineData(Roles.Citizen, OrganisationKind.Citizen)]
    public async Task Roles_that_report_can_log_an_incident_and_are_recorded_as_its_reporter(string role, OrganisationKind kind)
    {
        var actor = await App.CreateAsync(role, kind);
        var client = await App.ClientForAsync(actor);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var db = App.Database.CreateContext();
        var stored = await db.Incidents.SingleAsync();
        stored.ReportedByUserId.ShouldBe(actor.UserId);
        stored.ReportedByOrganisationId.ShouldBe(actor.OrganisationId);
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.ResourceManager)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_that_do_not_report_get_403_and_nothing_is_written(string role)
    {
        var client = await App.ClientAsAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("role");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Auditor_reads_incidents_but_the_log_page_refuses_them()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(staff, IncidentData.ValidBody("Visible to auditors"));
        var auditor = await App.CreateAsync(Roles.Auditor);
        var pages = await PageClient.SignedInAsync(App, auditor);

        var (list, document) = await pages.GetAsync("/Incidents");
        var post = await pages.PostDirectAsync("/Incidents/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "Auditor tries to write",
            ["Input.Category"] = "NaturalDisaster",
            ["Input.Severity"] = "IV",
            ["Input.PlaceName"] = "Nowhere",
            ["Input.Latitude"] = "30",
            ["Input.Longitude"] = "114",
        });

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelectorAll(".incident-title").Select(a => a.TextContent).ShouldBe(["Visible to auditors"]);
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(1);
    }
}
