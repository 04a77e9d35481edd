using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>
/// The hot paths' budget of database round trips (issue 14), counted by the portal itself (X-Db-Round-Trips), and
/// the charter cache that makes it possible staying correct: a change is obeyed by the very next request, whoever
/// made it, and nothing is kept while changes cannot be heard.
/// </summary>
public sealed class RoundTripBudgetTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Logging_an_incident_takes_at_most_four_round_trips_once_the_charter_is_known()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody("First"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody($"Next {i}"));

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            // The incident, its first timeline event, the commit: BEGIN rides on the first, the charter is kept.
            RoundTripsOf(response).ShouldBeLessThanOrEqualTo(4);
        }
    }

    [Fact]
    public async Task Giving_a_task_to_an_organisation_takes_at_most_fourteen_round_trips()
    {
        var scene = await Features.Tasks.TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync(assign: false);
        (await Features.Tasks.TaskScene.ActAsync(scene.CoordinatorClient, task, "assign", etag, new { organisationId = scene.Ngo.OrganisationId }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var (next, nextTag) = await scene.TaskAsync(assign: false);

        var response = await Features.Tasks.TaskScene.ActAsync(scene.CoordinatorClient, next, "assign", nextTag, new { organisationId = scene.Ngo.OrganisationId });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The task and its incident's facts (the rule); the task to change with its incident's state; the participant
        // check; the change; the assignee's people with their choices and what they were told (one read); the task and
        // its incident as they would see it; the notifications; the task read back; the chain's lock and head; the
        // event; the commit. It was 21 (docs/PERFORMANCE.md).
        RoundTripsOf(response).ShouldBeLessThanOrEqualTo(14);
        await using var db = App.Database.CreateContext();
        (await db.Notifications.CountAsync(n => n.Key.Contains(next.ToString("N")))).ShouldBe(1, "the NGO's resource manager is told");
    }

    [Fact]
    public async Task A_charter_change_by_an_administrator_is_obeyed_by_the_very_next_request()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var client = await App.ClientForAsync(staff);
        var admin = await App.ClientAsAsync(Roles.Administrator);
        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var change = await admin.PutAsJsonAsync("/api/v1/charters/entries", new
        {
            organisationId = staff.OrganisationId,
            item = "ReportIncident",
            phases = Array.Empty<string>(),
            legalBasis = "Suspended pending review",
        });

        change.IsSuccessStatusCode.ShouldBeTrue(await change.Content.ReadAsStringAsync());
        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_charter_change_made_straight_in_the_database_reaches_the_portal()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var client = await App.ClientForAsync(staff);
        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Created);

        await App.BehindThePortalAsync(() => WithholdReportingAsync(staff.OrganisationId));

        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task While_changes_cannot_be_heard_nothing_is_kept_and_hearing_comes_back()
    {
        var charters = App.Services.GetRequiredService<CharterCache>();
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var client = await App.ClientForAsync(staff);
        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Created);
        await WaitUntilAsync(() => charters.IsListening);

        // The listener's connection is cut, as by a database restart or a network fault.
        await using (var db = App.Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'crisiscoord-charter-listener'");
        }

        await WaitUntilAsync(() => !charters.IsListening);
        await WithholdReportingAsync(staff.OrganisationId);

        (await client.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await WaitUntilAsync(() => charters.IsListening);
    }

    private async Task WithholdReportingAsync(Guid organisation)
    {
        await using var db = App.Database.CreateContext();
        var admin = await db.Users.Select(u => u.Id).FirstAsync();
        db.CharterEntries.Add(CharterEntry.For(OrganisationKind.Government, organisation, CharterItem.Of(Right.ReportIncident), Phases.None, "Suspended", admin, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private static int RoundTripsOf(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(RoundTripHeader.Name).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the charter listener did not change state within 20 s");
            await Task.Delay(20);
        }
    }
}
