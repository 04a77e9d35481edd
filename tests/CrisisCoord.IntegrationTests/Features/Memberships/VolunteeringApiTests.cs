using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Memberships;

/// <summary>Citizens volunteer with a civic group, saying what they can do and when; once admitted they work as its members.</summary>
public sealed class VolunteeringApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_admitted_volunteer_claims_the_groups_task_and_one_not_admitted_cannot()
    {
        var organiser = await App.CreateAsync(Roles.Coordinator, OrganisationKind.CivicGroup);
        var group = organiser.OrganisationId;
        var (incident, task) = await GroupTaskAsync(group);

        var volunteer = await App.CreatePrivateCitizenAsync();
        var offered = await (await App.ClientForAsync(volunteer)).PostAsJsonAsync(
            $"/api/v1/organisations/{group}/volunteers", new { skills = "First aid; I drive a van", availability = "Evenings and weekends" });
        offered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var request = (await offered.Content.ReadFromJsonAsync<JsonObject>())!;
        request["skills"]!.GetValue<string>().ShouldBe("First aid; I drive a van");
        request["availability"]!.GetValue<string>().ShouldBe("Evenings and weekends");
        request["status"]!.GetValue<string>().ShouldBe("Pending");

        var waiting = await App.CreatePrivateCitizenAsync();
        var waitingClient = await App.ClientForAsync(waiting);
        (await waitingClient.PostAsJsonAsync($"/api/v1/organisations/{group}/volunteers", new { skills = "Cooking", availability = "Mornings" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var organiserClient = await App.ClientForAsync(organiser);
        var detail = (await organiserClient.GetFromJsonAsync<JsonObject>($"/api/v1/organisations/{group}"))!;
        detail.ToJsonString().ShouldContain("Evenings and weekends");
        (await organiserClient.PostAsync($"/api/v1/organisations/{group}/membership-requests/{request["id"]!.GetValue<Guid>()}/admit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Not admitted: the group's incident detail, its tasks included, is not theirs to know.
        (await waitingClient.GetAsync($"/api/v1/tasks/{task}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{task}/claim");
        refused.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await waitingClient.SendAsync(refused)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Admitted: they sign in again (admission ends their sessions) and act for the group.
        var member = await App.ClientForAsync(volunteer);
        var read = await member.GetAsync($"/api/v1/tasks/{task}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{task}/claim");
        claim.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        var claimed = await member.SendAsync(claim);
        claimed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await claimed.Content.ReadFromJsonAsync<JsonObject>())!["assignedOrganisationId"]!.GetValue<Guid>().ShouldBe(group);

        await using var db = App.Database.CreateContext();
        (await db.Users.SingleAsync(u => u.Id == volunteer.UserId)).OrganisationId.ShouldBe(group);
        (await db.Users.SingleAsync(u => u.Id == waiting.UserId)).OrganisationId.ShouldBeNull();
        (await db.TimelineEvents.CountAsync(e => e.Action == "VolunteerForGroup")).ShouldBe(2);
        (await db.Tasks.SingleAsync(t => t.Id == task)).IncidentId.ShouldBe(incident);
    }

    [Fact]
    public async Task Volunteering_needs_skills_and_availability_and_a_group_that_takes_volunteers()
    {
        var group = (await App.CreateAsync(Roles.Coordinator, OrganisationKind.CivicGroup)).OrganisationId;
        var government = (await App.CreateAsync(Roles.Coordinator)).OrganisationId;
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());

        var bare = await citizen.PostAsJsonAsync($"/api/v1/organisations/{group}/volunteers", new { skills = " ", note = "x\u0001" });
        bare.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bare.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["skills", "availability", "note"], ignoreOrder: true);
        (await citizen.PostAsJsonAsync($"/api/v1/organisations/{government}/volunteers", new { skills = "First aid", availability = "Weekends" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var member = await App.ClientAsAsync(Roles.Citizen, OrganisationKind.Citizen);
        (await member.PostAsJsonAsync($"/api/v1/organisations/{group}/volunteers", new { skills = "First aid", availability = "Weekends" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = App.Database.CreateContext();
        (await db.MembershipRequests.CountAsync()).ShouldBe(0);
    }

    /// <summary>An incident in response with the group taking part, and an open task on its board anyone taking part may claim.</summary>
    private async Task<(Guid Incident, Guid Task)> GroupTaskAsync(Guid group)
    {
        var incident = (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(incident, group, "Volunteers", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var created = await (await App.ClientAsAsync(Roles.Coordinator)).PostAsJsonAsync($"/api/v1/incidents/{incident}/tasks", new { title = "Sandbags along Levee Road" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (incident, (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
    }
}
