using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

/// <summary>Organisations of any kind taking part in an incident: asked to join, admitted, or brought in.</summary>
public sealed class ParticipantsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_ngo_asks_to_join_and_a_coordinator_admits_it()
    {
        var incident = await LogAsync();
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var ngo = await App.ClientForAsync(manager);
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var asked = await ngo.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants/requests", new { note = "Six rescue boats and crews" });
        asked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await asked.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Requested");
        (await ngo.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants/requests", new { note = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var admitted = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { organisationId = manager.OrganisationId });
        admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { organisationId = manager.OrganisationId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var list = (await coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/incidents/{incident}/participants"))!;
        var row = list.Single(p => p!["organisationId"]!.GetValue<Guid>() == manager.OrganisationId)!;
        row["organisationId"]!.GetValue<Guid>().ShouldBe(manager.OrganisationId);
        row["status"]!.GetValue<string>().ShouldBe("Admitted");
        row["note"]!.GetValue<string>().ShouldBe("Six rescue boats and crews");
    }

    [Fact]
    public async Task Naming_the_lead_makes_it_a_participant()
    {
        var incident = await LogAsync();
        var city = await OrganisationData.StoreAsync(App.Database, "Qinghe City EMB", OrganisationKind.Government, AdministrativeLevel.City, "Qinghe");
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var etag = (await coordinator.GetAsync($"/api/v1/incidents/{incident}")).Headers.ETag!.Tag;
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{incident}/lead") { Content = JsonContent.Create(new { organisationId = city.Id }) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        (await coordinator.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = (await coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/incidents/{incident}/participants"))!;
        list.Select(p => p!["organisationName"]!.GetValue<string>()).ShouldContain("Qinghe City EMB");
        list.Count.ShouldBe(2, "the reporting organisation and the lead");
    }

    [Fact]
    public async Task Wrong_requests_are_refused_and_nothing_is_written()
    {
        var incident = await LogAsync();
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var auditor = await App.ClientAsAsync(Roles.Auditor);

        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { organisationId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/participants", new { organisationId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { organisationId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants/requests", new { note = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await auditor.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants/requests", new { note = "We can help" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/participants/requests", new { note = "We can help" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}/participants")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var db = App.Database.CreateContext())
        {
            (await db.IncidentParticipants.CountAsync()).ShouldBe(1, "only the reporting organisation takes part");
            var closed = await db.Incidents.SingleAsync(i => i.Id == incident);
            closed.TransitionTo(IncidentState.Dismissed, "duplicate", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        (await staff.PostAsJsonAsync($"/api/v1/incidents/{incident}/participants/requests", new { note = "We can help" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_participants_coordinators_and_auditors_see_an_incidents_detail_and_timeline()
    {
        var incident = await LogAsync();
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var outsider = await App.ClientForAsync(manager);

        var summary = (await outsider.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}"))!;
        summary["title"]!.GetValue<string>().ShouldNotBeEmpty();
        summary["description"]!.GetValue<string>().ShouldBeEmpty();
        summary["detailShown"]!.GetValue<bool>().ShouldBeFalse();
        var listed = (await outsider.GetFromJsonAsync<JsonObject>("/api/v1/incidents"))!["items"]!.AsArray().Single()!;
        listed["description"]!.GetValue<string>().ShouldBeEmpty();
        (await outsider.GetFromJsonAsync<JsonObject>($"/api/v1/audit/events?chain={incident}"))!["items"]!.AsArray().ShouldBeEmpty();
        (await (await App.ClientAsAsync(Roles.Coordinator)).GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}"))!["detailShown"]!.GetValue<bool>().ShouldBeTrue();

        (await (await App.ClientAsAsync(Roles.Coordinator)).PostAsJsonAsync($"/api/v1/incidents/{incident}/participants", new { organisationId = manager.OrganisationId }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var detail = (await outsider.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{incident}"))!;
        detail["description"]!.GetValue<string>().ShouldNotBeEmpty();
        detail["detailShown"]!.GetValue<bool>().ShouldBeTrue();
        (await outsider.GetFromJsonAsync<JsonObject>($"/api/v1/audit/events?chain={incident}"))!["items"]!.AsArray().Count.ShouldBe(2, "logged, then the NGO admitted");
    }

    private async Task<Guid> LogAsync() =>
        (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
}
