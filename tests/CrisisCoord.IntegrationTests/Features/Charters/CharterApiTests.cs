using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Charters;

public sealed class CharterApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Matrix_shows_the_default_charter_for_every_kind()
    {
        var client = await App.ClientAsAsync(Roles.Citizen, OrganisationKind.Citizen);

        var matrix = await MatrixAsync(client);

        matrix["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["Government", "CivicGroup", "Enterprise", "Citizen"]);
        matrix["rows"]!.AsArray().Count.ShouldBe(19);
        Cell(matrix, "Right.AssignTasks", "CivicGroup").Phases.ShouldBe(["Recovery"]);
        Cell(matrix, "Right.OwnRecoveryProjects", "Citizen").Phases.ShouldBe(["Recovery"]);
        Cell(matrix, "Right.RegisterResources", "Citizen").Phases.ShouldBe(["Response", "Recovery"]);
        Cell(matrix, "Right.VerifyIncident", "Enterprise").Phases.ShouldBeEmpty();
        Cell(matrix, "Right.LeadIncident", "Government").Phases.ShouldBe(["Warning", "Response", "Recovery"]);
        Cell(matrix, "Obligation.SubmitSitRep", "Citizen").Phases.ShouldBe(["Response"]);
        Cell(matrix, "Right.AssignTasks", "CivicGroup").Source.ShouldBe("Default");
    }

    [Fact]
    public async Task Administrator_changes_a_kind_default_and_the_change_is_recorded_with_who_and_when()
    {
        var admin = await App.CreateAsync(Roles.Administrator);
        var client = await App.ClientForAsync(admin);
        var at = new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero);
        App.Clock.Freeze(at);

        var response = await client.PutAsJsonAsync("/api/v1/charters/entries", new JsonObject
        {
            ["kind"] = "CivicGroup",
            ["item"] = "AssignTasks",
            ["phases"] = new JsonArray("Response", "Recovery"),
            ["legalBasis"] = "Emergency Response Law, art. 11",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var change = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        change["fromPhases"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Recovery"]);
        change["toPhases"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Response", "Recovery"]);
        change["changedByName"]!.GetValue<string>().ShouldBe("Test Administrator");

        await using var db = App.Database.CreateContext();
        var entry = await db.CharterEntries.SingleAsync();
        (entry.Kind, entry.OrganisationId, entry.Right, entry.Phases, entry.LegalBasis)
            .ShouldBe((OrganisationKind.CivicGroup, (Guid?)null, (Right?)Right.AssignTasks, Phases.Response | Phases.Recovery, "Emergency Response Law, art. 11"));
        var logged = await db.CharterChanges.SingleAsync();
        (logged.Item, logged.FromPhases, logged.ToPhases, logged.FromLegalBasis, logged.ToLegalBasis, logged.ChangedBy, logged.ChangedAt)
            .ShouldBe(("Right.AssignTasks", Phases.Recovery, Phases.Response | Phases.Recovery, "", "Emergency Response Law, art. 11", admin.UserId, at));

        var matrix = await MatrixAsync(client);
        var cell = Cell(matrix, "Right.AssignTasks", "CivicGroup");
        cell.Phases.ShouldBe(["Response", "Recovery"]);
        cell.Source.ShouldBe("KindDefaultChanged");
        cell.UpdatedBy.ShouldBe("Test Administrator");
        var history = (await client.GetFromJsonAsync<JsonArray>("/api/v1/charters/changes?kind=CivicGroup"))!;
        history.Single()!["item"]!.GetValue<string>().ShouldBe("AssignTasks");
    }

    [Fact]
    public async Task Organisation_override_wins_over_the_kind_default_for_that_organisation_only()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var overridden = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var other = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);

        await ChangeAsync(client, new JsonObject { ["kind"] = "Enterprise", ["item"] = "ClaimTasks", ["phases"] = new JsonArray("Recovery") });
        await ChangeAsync(client, new JsonObject
        {
            ["organisationId"] = overridden.OrganisationId,
            ["item"] = "ClaimTasks",
            ["phases"] = new JsonArray("Warning", "Response"),
        });

        var own = await LineAsync(client, overridden.OrganisationId, "Right.ClaimTasks");
        var others = await LineAsync(client, other.OrganisationId, "Right.ClaimTasks");
        own.Phases.ShouldBe(["Warning", "Response"]);
        own.Source.ShouldBe("OrganisationOverride");
        others.Phases.ShouldBe(["Recovery"]);
        others.Source.ShouldBe("KindDefaultChanged");
        Cell(await MatrixAsync(client), "Right.ClaimTasks", "Enterprise").Phases.ShouldBe(["Recovery"]);
        var history = (await client.GetFromJsonAsync<JsonArray>($"/api/v1/charters/changes?organisationId={overridden.OrganisationId}"))!;
        history.Single()!["fromPhases"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Recovery"]);
    }

    [Fact]
    public async Task Withdrawing_report_incident_from_an_organisation_refuses_its_staff_until_restored()
    {
        var admin = await App.ClientAsAsync(Roles.Administrator);
        var staff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup);
        var staffClient = await App.ClientForAsync(staff);
        var colleagueElsewhere = await App.ClientAsAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup);

        await ChangeAsync(admin, new JsonObject { ["organisationId"] = staff.OrganisationId, ["item"] = "ReportIncident", ["phases"] = new JsonArray() });
        var refused = await staffClient.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody("While withdrawn"));
        var elsewhere = await colleagueElsewhere.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody("Other organisation"));

        await ChangeAsync(admin, new JsonObject { ["organisationId"] = staff.OrganisationId, ["item"] = "ReportIncident", ["phases"] = new JsonArray("Warning", "Response", "Recovery") });
        var restored = await staffClient.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody("After restoring"));

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("ReportIncident");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Created);
        restored.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var db = App.Database.CreateContext();
        (await db.Incidents.Select(i => i.Title).OrderBy(t => t).ToListAsync()).ShouldBe(["After restoring", "Other organisation"]);
        (await db.CharterChanges.CountAsync()).ShouldBe(2);
    }

    [Theory]
    [InlineData("item", "FlyHelicopters", "item", "is not a right or an obligation. Use one of: ReportIncident")]
    [InlineData("item", "SubmitSitRep", "item", "Right.SubmitSitRep or Obligation.SubmitSitRep")]
    [InlineData("phases", "Aftermath", "phases", "Warning, Response, Recovery")]
    public async Task Bad_item_or_phase_name_is_a_400_on_that_field_and_nothing_is_written(string field, string value, string errorKey, string message)
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        var body = new JsonObject { ["kind"] = "Citizen", ["item"] = "ReportIncident", ["phases"] = new JsonArray("Warning") };
        body[field] = field == "phases" ? new JsonArray(value) : value;

        var response = await client.PutAsJsonAsync("/api/v1/charters/entries", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe([errorKey]);
        errors[errorKey]![0]!.GetValue<string>().ShouldContain(message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Obligation_sharing_a_rights_name_is_changed_by_its_qualified_name()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);

        await ChangeAsync(client, new JsonObject { ["kind"] = "Citizen", ["item"] = "Obligation.SubmitSitRep", ["phases"] = new JsonArray() });

        var matrix = await MatrixAsync(client);
        Cell(matrix, "Obligation.SubmitSitRep", "Citizen").Phases.ShouldBeEmpty();
        Cell(matrix, "Right.SubmitSitRep", "Citizen").Phases.ShouldBe(["Warning", "Response", "Recovery"]);
    }

    [Fact]
    public async Task A_change_that_changes_nothing_is_refused()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);

        var response = await client.PutAsJsonAsync("/api/v1/charters/entries", new JsonObject
        {
            ["kind"] = "CivicGroup",
            ["item"] = "AssignTasks",
            ["phases"] = new JsonArray("Recovery"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["phases"]![0]!.GetValue<string>().ShouldContain("Nothing to change");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Missing_target_and_phases_are_400()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);

        var response = await client.PutAsJsonAsync("/api/v1/charters/entries", new JsonObject { ["item"] = "ReportIncident" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["kind", "phases"]);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.AgencyStaff)]
    public async Task Non_administrators_cannot_change_a_charter(string role)
    {
        var actor = await App.CreateAsync(role);
        var client = await App.ClientForAsync(actor);

        var response = await client.PutAsJsonAsync("/api/v1/charters/entries", new JsonObject
        {
            ["organisationId"] = actor.OrganisationId,
            ["item"] = "LeadIncident",
            ["phases"] = new JsonArray(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Change_history_is_newest_first_and_limited()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        await ChangeAsync(client, new JsonObject { ["kind"] = "Citizen", ["item"] = "ClaimTasks", ["phases"] = new JsonArray("Recovery") });
        await ChangeAsync(client, new JsonObject { ["kind"] = "Citizen", ["item"] = "ClaimTasks", ["phases"] = new JsonArray() });
        await ChangeAsync(client, new JsonObject { ["kind"] = "Enterprise", ["item"] = "PublishAlert", ["phases"] = new JsonArray("Warning") });

        var all = (await client.GetFromJsonAsync<JsonArray>("/api/v1/charters/changes"))!;
        var latestTwo = (await client.GetFromJsonAsync<JsonArray>("/api/v1/charters/changes?limit=2"))!;
        var tooMany = await client.GetAsync("/api/v1/charters/changes?limit=201");

        all.Select(c => $"{c!["kind"]} {c["item"]} {c["toPhases"]!.AsArray().Count}").ShouldBe(
            ["Enterprise PublishAlert 1", "Citizen ClaimTasks 0", "Citizen ClaimTasks 1"]);
        latestTwo.Count.ShouldBe(2);
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = App.Database.CreateContext();
        (await db.CharterEntries.CountAsync()).ShouldBe(0);
        (await db.CharterChanges.CountAsync()).ShouldBe(0);
    }

    private static async Task ChangeAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PutAsJsonAsync("/api/v1/charters/entries", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> MatrixAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonObject>("/api/v1/charters"))!;

    private static CharterView Cell(JsonObject matrix, string key, string kind)
    {
        var row = matrix["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == key)!;
        return CharterView.From(row["cells"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == kind)!);
    }

    private static async Task<CharterView> LineAsync(HttpClient client, Guid organisationId, string key)
    {
        var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/organisations/{organisationId}"))!;
        return CharterView.From(detail["charter"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == key)!);
    }

    private sealed record CharterView(List<string> Phases, string Source, string? UpdatedBy)
    {
        public static CharterView From(JsonNode json) => new(
            [.. json["phases"]!.AsArray().Select(p => p!.GetValue<string>())],
            json["source"]!.GetValue<string>(),
            json["updatedBy"]?.GetValue<string>());
    }
}
