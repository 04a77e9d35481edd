using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>What ./run.sh shows a newcomer: the demo province, one sign-in per role, data in every corner.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("demo");

    public Task InitializeAsync() => _database.StartAsync(migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Demo_scenario_is_seeded_once_and_every_demo_person_can_sign_in()
    {
        await using var app = Start();
        var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = _database.CreateContext())
        {
            (await db.Organisations.CountAsync()).ShouldBe(11);
            (await db.Organisations.Select(o => o.Kind).Distinct().CountAsync()).ShouldBe(4);
            (await db.Organisations.Select(o => o.Level).Distinct().CountAsync()).ShouldBe(4);
            (await db.Incidents.Select(i => i.State).Distinct().ToListAsync()).Order()
                .ShouldBe(Enum.GetValues<IncidentState>().Order());
            (await db.Resources.CountAsync()).ShouldBeGreaterThan(10);
            (await db.CharterEntries.CountAsync(e => e.LegalBasis != "")).ShouldBeGreaterThan(0);
            // One person per role, the residents' group's organiser, a private citizen who asked to join it,
            // and a volunteer whose account the administrator disabled.
            (await db.Users.CountAsync()).ShouldBe(Roles.All.Count + 4);
            (await db.Users.SingleAsync(u => u.Email == "volunteer@qinghe.demo")).LockoutEnd.ShouldBe(DateTimeOffset.MaxValue);
            // The administrator has one live personal access token to list; its secret was never kept.
            var token = await db.PersonalAccessTokens.SingleAsync();
            var administrator = await db.Users.SingleAsync(u => u.Id == token.UserId);
            administrator.Email.ShouldBe("admin@qinghe.demo");
            token.SecurityStamp.ShouldBe(administrator.SecurityStamp);
            token.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
            token.RevokedAt.ShouldBeNull();
            var volunteer = await db.MembershipRequests.SingleAsync(m => m.Skills != "");
            volunteer.Status.ShouldBe(MembershipStatus.Admitted, "Lin Yue volunteered with the rescue team and was admitted");
            (await db.Users.SingleAsync(u => u.Id == volunteer.UserId)).OrganisationId.ShouldBe(volunteer.OrganisationId);
            (await db.Organisations.SingleAsync(o => o.Id == volunteer.OrganisationId)).Kind.ShouldBe(OrganisationKind.CivicGroup);
            var earthquake = await db.Incidents.SingleAsync(i => i.Title == "M6.1 earthquake near Xiba Town");
            var checkIns = await db.CheckIns.Where(c => c.IncidentId == earthquake.Id).ToListAsync();
            checkIns.Count(c => c.Status == CrisisCoord.Domain.CheckIns.CheckInStatus.NeedsHelp).ShouldBe(2);
            checkIns.Count(c => c.Status == CrisisCoord.Domain.CheckIns.CheckInStatus.Safe).ShouldBe(1);
            var handled = checkIns.Where(c => c.TaskId != null).ShouldHaveSingleItem();
            (await db.Tasks.SingleAsync(t => t.Id == handled.TaskId)).IncidentId.ShouldBe(earthquake.Id);
            var chlorine = await db.Incidents.SingleAsync(i => i.Title == "Chlorine leak at Qinghe Chemical Park");
            var assessment = await db.DamageAssessments.Include(a => a.Needs).SingleAsync(a => a.IncidentId == chlorine.Id);
            assessment.PeopleDisplaced.ShouldBe(420);
            assessment.Needs.Count.ShouldBe(2);
            var project = await db.RecoveryProjects.Include(p => p.Milestones).SingleAsync(p => p.IncidentId == chlorine.Id);
            project.PercentDone.ShouldBe(50);
            (await db.Objectives.SingleAsync(o => o.Id == project.ObjectiveId)).Phase.ShouldBe(Phases.Recovery);
            var shelter = await db.Shelters.SingleAsync(s => s.IncidentId == chlorine.Id);
            (shelter.Occupancy, shelter.Capacity).ShouldBe((186, 300));
            var handedOut = await db.ReliefDistributions.SingleAsync(d => d.IncidentId == chlorine.Id);
            handedOut.ShelterId.ShouldBe(shelter.Id);
            (await db.Resources.SingleAsync(r => r.Id == handedOut.ResourceId)).Quantity.ShouldBe(1_200m, "the 300 blankets handed out left the Red Cross's 1,500 for good");
            (await db.TimelineEvents.CountAsync(e => e.ChainId == chlorine.Id && (e.Action == "MarkMilestone" || e.Action == "DistributeRelief"))).ShouldBe(3);
            var waiting = await db.MembershipRequests.SingleAsync(m => m.Status == MembershipStatus.Pending);
            (await db.MembershipRequests.CountAsync(m => m.Status == MembershipStatus.Declined && m.UserId == waiting.UserId)).ShouldBe(1, "the first, bare request was declined");
            waiting.Status.ShouldBe(MembershipStatus.Pending);
            (await db.Users.SingleAsync(u => u.Id == waiting.UserId)).OrganisationId.ShouldBeNull();

            // Every seeded change is on the timeline, back-dated in order, and every chain verifies.
            var chains = await ChainAudit.ChainsAsync(db, CancellationToken.None);
            chains.Count.ShouldBe(await db.Incidents.CountAsync() + 1);
            foreach (var chain in chains)
            {
                var result = await ChainAudit.VerifyAsync(db, chain, [], null, null, CancellationToken.None);
                result.Ok.ShouldBeTrue($"{chain}: {result.Chain.FirstBreak?.Problem} {string.Join(" ", result.CheckpointProblems)}");
                result.CheckpointsCompared.ShouldBe(1, "the demo checkpoints every chain once");
            }

            var registry = await db.TimelineEvents.Where(e => e.ChainId == TimelineChains.Registry).OrderBy(e => e.Sequence).ToListAsync();
            registry[0].Action.ShouldBe("EnsureReferenceData");
            registry.Count(e => e.Action == "RegisterOrganisation").ShouldBe(11);
            registry.Count(e => e.Action == "CreateUser").ShouldBe(Roles.All.Count + 2);
            registry.Count(e => e.Action == "DisableAccount").ShouldBe(1);
            registry.Count(e => e.Action == "RegisterCitizen").ShouldBe(2);
            registry.ShouldAllBe(e => !e.Payload.Contains("passwordHash") && !e.Payload.Contains("AQAAAA"));
            registry.Last(e => e.Action != BreachWatch.Action).OccurredAt.ShouldBeLessThan(DateTimeOffset.UtcNow.AddHours(-1), "the scenario's registry is back-dated, not stamped at start-up");

            // The scenario leaves obligations unmet; each breach is recorded once, on its incident's chain or (inventory) the registry's.
            var breaches = await db.ObligationBreaches.ToListAsync();
            breaches.Select(b => b.Obligation).Distinct().ShouldBe(
                [Obligation.AcknowledgeTask, Obligation.SubmitSitRep, Obligation.ConfirmInventory, Obligation.AnswerResourceRequest], ignoreOrder: true);

            // The earthquake's requests: covered and delivered in part, in full, unanswered, just asked; and an offer made unasked.
            (await db.ResourceRequests.CountAsync()).ShouldBe(4);
            (await db.ResourceOffers.CountAsync(o => o.RequestId == null)).ShouldBe(1);
            (await db.ResourceCommitments.CountAsync(c => c.State == CrisisCoord.Domain.Requests.CommitmentState.Arrived)).ShouldBe(2);
            (await db.Resources.SumAsync(r => r.Committed)).ShouldBe(5_400, "400 beds and 5,000 litres of water are out");
            (await db.TimelineEvents.CountAsync(e => e.Action == BreachWatch.Action)).ShouldBe(breaches.Count);
            registry.Count(e => e.Action == BreachWatch.Action).ShouldBe(breaches.Count(b => b.IncidentId == null));
            (await db.TimelineEvents.CountAsync(e => e.Action == "TransitionIncident")).ShouldBeGreaterThan(5);
            (await db.TimelineEvents.CountAsync(e => e.Action == "AdmitParticipant" && e.ChainId != TimelineChains.Registry)).ShouldBe(7);
            (await db.Incidents.CountAsync(i => i.ReportedByOrganisationId != null && !db.IncidentParticipants.Any(p => p.IncidentId == i.Id && p.OrganisationId == i.ReportedByOrganisationId))).ShouldBe(0, "the reporting organisation takes part");
            (await db.Incidents.CountAsync(i => i.EscalationRequired)).ShouldBe(1, "the flood waits for the city to take over");
            // Citizens' reports: photos stripped and stored, a resident's duplicate merged into the earthquake, the dam linked to it.
            (await db.ReportPhotos.CountAsync()).ShouldBe(3);
            (await db.IncidentReports.CountAsync(r => r.CallbackNumber != "")).ShouldBe(2);
            var duplicate = await db.Incidents.SingleAsync(i => i.State == IncidentState.Merged);
            (await db.TimelineEvents.CountAsync(e => e.Action == "MergeIncident")).ShouldBe(2, "on the duplicate's chain and the earthquake's");
            (await db.IncidentReports.SingleAsync(r => r.FirstIncidentId == duplicate.Id)).IncidentId.ShouldBe(duplicate.MergedIntoIncidentId!.Value);
            (await db.IncidentLinks.SingleAsync()).Relation.ShouldBe(IncidentRelation.Caused);
            (await db.Incidents.CountAsync(i => i.AwaitingGrade)).ShouldBe(2, "the dam's report and the merged landslide came without a grade");
            (await db.Notifications.CountAsync(n => n.Kind == CrisisCoord.Domain.Notifications.NotificationKind.ReportOutcome)).ShouldBeGreaterThan(1);
            (await db.IncidentParticipants.CountAsync(p => p.Status == CrisisCoord.Domain.Incidents.ParticipationStatus.Requested)).ShouldBe(1);
            (await db.Tasks.Select(t => t.State).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(5, "tasks on the demo boards in most states");
            (await db.Objectives.CountAsync()).ShouldBeGreaterThan(5);

            // The closed norovirus outbreak's review: a finding, a lesson and an auditor's comment, signed by the lead,
            // and still hashing to what was signed once the rest of the demo (breaches, checkpoints) is in.
            var norovirus = await db.Incidents.SingleAsync(i => i.Title == "Norovirus outbreak at Dongshan nursing home");
            (await db.ReviewNotes.Where(n => n.IncidentId == norovirus.Id).Select(n => n.Kind).ToListAsync()).Order()
                .ShouldBe([CrisisCoord.Domain.Reviews.ReviewNoteKind.Finding, CrisisCoord.Domain.Reviews.ReviewNoteKind.Lesson, CrisisCoord.Domain.Reviews.ReviewNoteKind.Comment]);
            var signature = await db.ReviewSignatures.SingleAsync(r => r.IncidentId == norovirus.Id);
            signature.OrganisationId.ShouldBe(norovirus.LeadOrganisationId!.Value);
            var signed = await CrisisCoord.Application.Features.Reviews.ReviewDrafter.DraftAsync(db, norovirus.Id, signature.ThroughSequence, CancellationToken.None);
            CrisisCoord.Application.Features.Reviews.ReviewDrafter.HashOf(signed).ShouldBe(signature.ContentHash);
            (await db.TimelineEvents.Where(e => e.ChainId == norovirus.Id).OrderBy(e => e.Sequence).Select(e => e.Action).LastAsync()).ShouldBe("SignReview");

            // Every demo person finds notifications, written by the real notifier; most organisations say what area they serve.
            (await db.Organisations.CountAsync(o => o.ServiceArea != null)).ShouldBe(10);
            foreach (var person in await db.Users.Where(u => u.Email!.EndsWith("@qinghe.demo") && u.Email != "volunteer@qinghe.demo").ToListAsync())
            {
                (await db.Notifications.CountAsync(n => n.UserId == person.Id)).ShouldBeGreaterThan(0, $"{person.Email} has an empty inbox");
            }

            (await db.Notifications.Select(n => n.Kind).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
            (await db.NotificationMails.CountAsync()).ShouldBeGreaterThan(0, "what is mailed at once waits in the outbox");
        }

        foreach (var email in new[] { "admin", "coordinator", "staff", "resources", "auditor", "citizen", "organiser", "resident" })
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"{email}@qinghe.demo", password = "crisis-demo-2026" });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email}@qinghe.demo could not sign in");
        }

        (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "volunteer@qinghe.demo", password = "crisis-demo-2026" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the disabled volunteer cannot sign in");

        // The signed review read in either language still matches its signature: the hash is over the English record,
        // and a Chinese reader reads the sentences in Chinese.
        var auditorToken = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "auditor@qinghe.demo", password = "crisis-demo-2026" }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Guid norovirusId;
        await using (var db = _database.CreateContext())
        {
            norovirusId = (await db.Incidents.SingleAsync(i => i.Title == "Norovirus outbreak at Dongshan nursing home")).Id;
        }

        foreach (var (language, closing) in new[] { ("en", "closed the incident"), ("zh-CN", "结束了该事件") })
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/{norovirusId}/review");
            read.Headers.Authorization = new("Bearer", auditorToken!["accessToken"]!.GetValue<string>());
            read.Headers.AcceptLanguage.ParseAdd(language);
            var review = (await (await client.SendAsync(read)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
            review["signature"]!["stillMatches"]!.GetValue<bool>().ShouldBeTrue($"the demo review read in {language} no longer matches its signature");
            review["content"]!["timeline"]!.AsArray().Select(s => s!["text"]!.GetValue<string>()).ShouldContain(t => t.Contains(closing, StringComparison.Ordinal), language);
        }

        // A second start finds the data and adds nothing.
        await using var again = Start();
        (await again.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var check = _database.CreateContext();
        (await check.Organisations.CountAsync()).ShouldBe(11);
        (await check.Organisations.CountAsync(o => o.Kind == OrganisationKind.Citizen)).ShouldBe(1);
    }

    private WebApplicationFactory<Program> Start() => DemoPortal.Start(_database);
}
