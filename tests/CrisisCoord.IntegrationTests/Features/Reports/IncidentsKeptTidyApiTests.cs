using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>Editing an incident's details, merging duplicates and linking related incidents, over the API.</summary>
public sealed class IncidentsKeptTidyApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_coordinator_corrects_the_place_and_area_with_a_reason_and_a_stale_or_bad_edit_is_refused()
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var id = await LogAsync(coordinator, "Levee breach at Dongshan");
        var etag = await ETagAsync(coordinator, id);
        var edit = new
        {
            description = "Breach at km 14; three farms flooded.",
            placeName = "Dongshan levee km 14",
            latitude = 30.5201,
            longitude = 114.2899,
            area = "30.51,114.28 30.51,114.30 30.53,114.30 30.53,114.28 30.51,114.28",
            reason = "The breach is at km 14, not km 12",
        };

        (await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/details", edit, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var done = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/details", edit, etag);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        var body = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        body["placeName"]!.GetValue<string>().ShouldBe("Dongshan levee km 14");
        body["area"]!.GetValue<string>().ShouldBe("30.51,114.28 30.51,114.3 30.53,114.3 30.53,114.28 30.51,114.28", "kept in the normal CAP form");

        // The version the first edit saw is stale now: nothing is overwritten.
        var stale = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/details", edit with { placeName = "Dongshan levee km 15", reason = "Moved again" }, etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var fresh = await ETagAsync(coordinator, id);
        var badArea = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/details", new { edit.description, edit.placeName, edit.latitude, edit.longitude, area = "30.5,114.2 30.6,114.3", edit.reason }, fresh);
        badArea.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badArea.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["area"]![0]!.GetValue<string>().ShouldContain("at least 4 points");
        var noReason = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/details", new { edit.description, edit.placeName, edit.latitude, edit.longitude }, fresh);
        (await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("reason").ShouldBeTrue();
        var unchanged = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}/details", edit, fresh);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup));
        (await SendAsync(staff, HttpMethod.Put, $"/api/v1/incidents/{id}/details", edit, fresh)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = App.Database.CreateContext();
        var stored = await db.Incidents.SingleAsync(i => i.Id == id);
        stored.Latitude.ShouldBe(30.5201);
        stored.DetailsReason.ShouldBe("The breach is at km 14, not km 12");
        var events = await db.TimelineEvents.Where(e => e.ChainId == id && e.Action == "EditIncident").ToListAsync();
        events.Count.ShouldBe(1);
        events[0].Payload.ShouldContain("\"detailsReason\":{\"from\":\"\",\"to\":\"The breach is at km 14, not km 12\"}");
        events[0].Payload.ShouldContain("\"placeName\":{\"from\":\"Dongshan Town, Qing River levee km 12\",\"to\":\"Dongshan levee km 14\"}");
    }

    [Fact]
    public async Task A_duplicate_is_merged_its_report_photo_reporter_and_participants_move_and_both_timelines_record_it()
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var kept = await LogAsync(coordinator, "M6.1 earthquake near Xiba Town");
        var citizenActor = await App.CreatePrivateCitizenAsync();
        var citizen = await App.ClientForAsync(citizenActor);
        var form = new MultipartFormDataContent
        {
            { new StringContent("Houses fell down in the old quarter"), "title" },
            { new StringContent("NaturalDisaster"), "category" },
            { new StringContent("Xiba old quarter"), "placeName" },
            { new StringContent("30.69"), "latitude" },
            { new StringContent("114.10"), "longitude" },
        };
        form.Add(new ByteArrayContent(PhotoSamples.JpegWithLocation()), "photos", "quarter.jpg");
        var reported = await citizen.PostAsync("/api/v1/reports", form);
        reported.StatusCode.ShouldBe(HttpStatusCode.Created);
        var duplicate = (await reported.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // An organisation that reported the same thing separately takes part in its own report, and so in the merge.
        var townStaff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Government, AdministrativeLevel.Town);
        var townReport = await LogAsync(await App.ClientForAsync(townStaff), "Old quarter collapse");
        await using (var db = App.Database.CreateContext())
        {
            (await db.IncidentReports.SingleAsync(r => r.IncidentId == duplicate)).ReporterUserId.ShouldBe(citizenActor.UserId);
        }

        var merged = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{duplicate}/merge", new { intoIncidentId = kept, reason = "Same earthquake, reported by a resident" }, await ETagAsync(coordinator, duplicate));
        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
        var body = (await merged.Content.ReadFromJsonAsync<JsonObject>())!;
        body["state"]!.GetValue<string>().ShouldBe("Merged");
        body["mergedIntoIncidentId"]!.GetValue<Guid>().ShouldBe(kept);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{townReport}/merge", new { intoIncidentId = kept, reason = "Same earthquake" }, await ETagAsync(coordinator, townReport)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = App.Database.CreateContext())
        {
            (await db.IncidentReports.CountAsync(r => r.IncidentId == kept)).ShouldBe(3, "the kept incident's own report and the two duplicates'");
            (await db.ReportPhotos.SingleAsync()).IncidentId.ShouldBe(kept);
            (await db.IncidentParticipants.SingleAsync(p => p.IncidentId == kept && p.OrganisationId == townStaff.OrganisationId)).Status.ShouldBe(ParticipationStatus.Admitted);
            var notice = await db.Notifications.SingleAsync(n => n.UserId == citizenActor.UserId);
            notice.Kind.ShouldBe(NotificationKind.ReportOutcome);
            notice.Title.ShouldBe("Your report \"Houses fell down in the old quarter\" was merged into \"M6.1 earthquake near Xiba Town\", which it is now part of");
            notice.Link.ShouldBe("/Reports/Mine");
            foreach (var chain in new[] { duplicate, kept })
            {
                (await db.TimelineEvents.CountAsync(e => e.ChainId == chain && e.Action == "MergeIncident")).ShouldBe(chain == kept ? 2 : 1);
                (await ChainAudit.VerifyAsync(db, chain, [], null, null, CancellationToken.None)).Ok.ShouldBeTrue();
            }
        }

        // The reporter follows the report to the incident kept: My reports says so, and they see its detail and the photo.
        var mine = (await citizen.GetFromJsonAsync<JsonArray>("/api/v1/me/reports"))!.Single()!;
        mine["outcome"]!.GetValue<string>().ShouldBe("Merged");
        mine["incidentId"]!.GetValue<Guid>().ShouldBe(kept);
        mine["reason"]!.GetValue<string>().ShouldBe("Same earthquake, reported by a resident");
        mine["mayOpen"]!.GetValue<bool>().ShouldBeTrue();
        (await citizen.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{kept}"))!["detailShown"]!.GetValue<bool>().ShouldBeTrue();
        var photo = (await citizen.GetFromJsonAsync<JsonArray>($"/api/v1/incidents/{kept}/reports"))!.SelectMany(r => r!["photos"]!.AsArray()).Single()!;
        (await citizen.GetAsync(photo["url"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var relations = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{kept}/links"))!;
        relations["mergedDuplicates"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Merging_into_itself_into_a_closed_incident_round_in_a_circle_or_with_open_work_is_refused()
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var a = await LogAsync(coordinator, "Landslide on the Liuzhuang road");
        var b = await LogAsync(coordinator, "Road to Liuzhuang blocked");
        var closed = await LogAsync(coordinator, "Smoke over the depot");
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{closed}/transitions", new { to = "Dismissed", reason = "Fog" }, await ETagAsync(coordinator, closed))).EnsureSuccessStatusCode();

        var itself = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = a, reason = "x" }, await ETagAsync(coordinator, a));
        itself.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await itself.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["intoIncidentId"]![0]!.GetValue<string>().ShouldBe(Incident.CannotMergeIntoItself);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = Guid.NewGuid(), reason = "x" }, await ETagAsync(coordinator, a)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = closed, reason = "x" }, await ETagAsync(coordinator, a)))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = b, reason = "x" }, "\"1\""))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        // A task still open on the duplicate stops the merge; once it is cancelled, the merge goes through.
        var task = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{a}/tasks", new { title = "Close the road" });
        task.EnsureSuccessStatusCode();
        var openWork = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = b, reason = "Same landslide" }, await ETagAsync(coordinator, a));
        openWork.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await openWork.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("1 unfinished tasks");
        var taskId = (await task.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var taskTag = (await coordinator.GetAsync($"/api/v1/tasks/{taskId}")).Headers.ETag!.Tag;
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/tasks/{taskId}/cancel", new { }, taskTag)).EnsureSuccessStatusCode();
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = b, reason = "Same landslide" }, await ETagAsync(coordinator, a)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // The other way round now would make a circle: the merged incident is closed, and cannot take its own target.
        var circle = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{b}/merge", new { intoIncidentId = a, reason = "x" }, await ETagAsync(coordinator, b));
        circle.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{a}/merge", new { intoIncidentId = b, reason = "again" }, await ETagAsync(coordinator, a)))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var outsider = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup));
        (await SendAsync(outsider, HttpMethod.Post, $"/api/v1/incidents/{b}/merge", new { intoIncidentId = closed, reason = "x" }, await ETagAsync(outsider, b)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == b)).State.ShouldBe(IncidentState.Reported);
        (await db.Incidents.CountAsync(i => i.State == IncidentState.Merged)).ShouldBe(1);
    }

    [Fact]
    public async Task A_collateral_incident_is_linked_shown_on_both_and_unlinked_from_either_side()
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var earthquake = await LogAsync(coordinator, "M6.1 earthquake near Xiba Town");
        var leak = await LogAsync(coordinator, "Chlorine leak at the Xiba water works");

        var linked = await coordinator.PostAsJsonAsync($"/api/v1/incidents/{earthquake}/links", new { relatedIncidentId = leak, relation = "Caused", note = "Tank toppled in the quake" });
        linked.StatusCode.ShouldBe(HttpStatusCode.Created, await linked.Content.ReadAsStringAsync());
        var link = (await linked.Content.ReadFromJsonAsync<JsonObject>())!;
        link["reads"]!.GetValue<string>().ShouldBe("Caused");
        var fromLeak = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{leak}/links"))!["links"]!.AsArray().Single()!;
        fromLeak["reads"]!.GetValue<string>().ShouldBe("Caused by");
        fromLeak["otherIncidentId"]!.GetValue<Guid>().ShouldBe(earthquake);

        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{leak}/links", new { relatedIncidentId = earthquake, relation = "RelatedTo" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{leak}/links", new { relatedIncidentId = leak, relation = "RelatedTo" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.PostAsJsonAsync($"/api/v1/incidents/{leak}/links", new { relatedIncidentId = earthquake, relation = "Sibling" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await coordinator.DeleteAsync($"/api/v1/incidents/{leak}/links/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await coordinator.DeleteAsync($"/api/v1/incidents/{leak}/links/{link["id"]!.GetValue<Guid>()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{earthquake}/links"))!["links"]!.AsArray().ShouldBeEmpty();

        await using var db = App.Database.CreateContext();
        foreach (var chain in new[] { earthquake, leak })
        {
            var actions = await db.TimelineEvents.Where(e => e.ChainId == chain).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
            actions.ShouldBe(["LogIncident", "LinkIncidents", "UnlinkIncidents"]);
        }
    }

    [Fact]
    public async Task The_reporter_is_told_of_a_verification_or_dismissal_as_they_chose()
    {
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        var citizenActor = await App.CreatePrivateCitizenAsync();
        var citizen = await App.ClientForAsync(citizenActor);
        (await citizen.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = new[] { new { kind = "ReportOutcome", delivery = "InApp" } } })).EnsureSuccessStatusCode();
        var verified = await LogAsync(citizen, "Cracks in the reservoir dam");
        var dismissed = await LogAsync(citizen, "Strange smell by the river");

        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{verified}/transitions", new { to = "Warning", reason = "Engineers confirm the cracks" }, await ETagAsync(coordinator, verified))).EnsureSuccessStatusCode();
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{dismissed}/transitions", new { to = "Dismissed", reason = "A blocked drain, cleared by the village" }, await ETagAsync(coordinator, dismissed))).EnsureSuccessStatusCode();

        var mine = (await citizen.GetFromJsonAsync<JsonArray>("/api/v1/me/reports"))!;
        mine.Select(r => (r!["title"]!.GetValue<string>(), r["outcome"]!.GetValue<string>(), r["reason"]!.GetValue<string>()))
            .ShouldBe([("Strange smell by the river", "Dismissed", "A blocked drain, cleared by the village"), ("Cracks in the reservoir dam", "Verified", "")]);
        await using var db = App.Database.CreateContext();
        var notices = await db.Notifications.Where(n => n.UserId == citizenActor.UserId).OrderBy(n => n.CreatedAt).ToListAsync();
        notices.Select(n => n.Title).ShouldBe([
            "Your report \"Cracks in the reservoir dam\" was verified; the incident is in warning",
            "Your report \"Strange smell by the river\" was dismissed: A blocked drain, cleared by the village"]);
        notices.ShouldAllBe(n => n.Kind == NotificationKind.ReportOutcome && n.Delivery == NotificationDelivery.InApp && n.OrganisationId == null);
        (await db.NotificationMails.CountAsync()).ShouldBe(0, "the reporter chose the portal only");
    }

    private static async Task<Guid> LogAsync(HttpClient client, string title) =>
        (await IncidentData.LogAsync(client, IncidentData.ValidBody(title)))["id"]!.GetValue<Guid>();

    private static async Task<string> ETagAsync(HttpClient client, Guid id) => (await client.GetAsync($"/api/v1/incidents/{id}")).Headers.ETag!.Tag;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return await client.SendAsync(request);
    }
}
