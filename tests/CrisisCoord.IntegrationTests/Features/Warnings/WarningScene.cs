using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Warnings;

/// <summary>
/// A grade II flood in the warning phase led by a city bureau (its coordinator approves, its staff draft), a
/// chemical park neighbour that takes no part, and an outsider organisation.
/// </summary>
public sealed record WarningScene(Guid Incident, Actor Coordinator, Actor Staff, Actor Neighbour, Actor Outsider)
{
    public static async Task<WarningScene> CreateAsync(CrisisCoordApp app, Severity severity = Severity.II)
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City);
        var staff = await app.CreateAsync(Roles.AgencyStaff, organisationId: coordinator.OrganisationId);
        var neighbour = await app.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var outsider = await app.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow();
        var incident = Domain.Incidents.Incident.Report("Qing River flood", "The river is rising at the Dongshan levee.", IncidentCategory.NaturalDisaster, severity,
            "Dongshan levee", 30.5, 114.3, now, new Reporter(staff.UserId, staff.OrganisationId));
        incident.TransitionTo(IncidentState.Warning, "Gauges above the warning level", now);
        var city = db.Organisations.Single(o => o.Id == coordinator.OrganisationId);
        incident.AssignLead(city.Id, city.Name, city.Kind, city.Level, scope.ServiceProvider.GetRequiredService<GradedResponse>());
        db.Incidents.Add(incident);
        db.IncidentParticipants.Add(IncidentParticipant.Admit(incident.Id, city.Id, "Leads", null, now));
        await db.SaveChangesAsync();
        return new WarningScene(incident.Id, coordinator, staff, neighbour, outsider);
    }

    /// <summary>A valid warning body: a circle around the levee and a polygon over the town.</summary>
    public JsonObject Body(DateTimeOffset now, string headline = "Flood warning: Dongshan levee") => new()
    {
        ["status"] = "Actual",
        ["event"] = "Flood",
        ["headline"] = headline,
        ["description"] = "The Qing River is expected to overtop the Dongshan levee tonight.",
        ["instruction"] = "Move people and livestock to higher ground before 20:00.",
        ["responseTypes"] = new JsonArray("Evacuate", "Monitor"),
        ["urgency"] = "Expected",
        ["certainty"] = "Likely",
        ["effective"] = now.AddMinutes(1).ToString("O"),
        ["expires"] = now.AddHours(12).ToString("O"),
        ["scope"] = "Public",
        ["areas"] = new JsonArray(
            new JsonObject { ["description"] = "Dongshan levee, 5 km around", ["latitude"] = 30.5, ["longitude"] = 114.3, ["radiusKm"] = 5 },
            new JsonObject { ["description"] = "Dongshan town", ["polygon"] = "30.52,114.28 30.52,114.34 30.56,114.34 30.56,114.28 30.52,114.28" }),
    };

    /// <summary>Drafts as the staff member and approves as the coordinator; answers the published warning.</summary>
    public async Task<JsonObject> PublishAsync(CrisisCoordApp app, JsonObject body)
    {
        var staff = await app.ClientForAsync(Staff);
        var draft = await staff.PostAsJsonAsync($"/api/v1/incidents/{Incident}/warnings", body);
        draft.EnsureSuccessStatusCode();
        var warning = (await draft.Content.ReadFromJsonAsync<JsonObject>())!;
        var coordinator = await app.ClientForAsync(Coordinator);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/warnings/{warning["id"]}/publication");
        request.Headers.TryAddWithoutValidation("If-Match", draft.Headers.ETag!.Tag);
        var published = await coordinator.SendAsync(request);
        published.EnsureSuccessStatusCode();
        return (await published.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

/// <summary>
/// The OASIS CAP 1.2 schema as the repository keeps it (standards/CAP-v1.2.xsd), loaded by the tests themselves
/// so they do not rely on the application's own check.
/// </summary>
public static class CapSchema
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "standards", "CAP-v1.2.xsd")))
        {
            directory = directory.Parent;
        }

        var set = new XmlSchemaSet();
        set.Add(Cap.NamespaceName, Path.Combine(directory?.FullName ?? throw new FileNotFoundException("standards/CAP-v1.2.xsd not found above the test binaries"), "standards", "CAP-v1.2.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every way the document breaks the schema; empty when it validates.</summary>
    public static List<string> Errors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
