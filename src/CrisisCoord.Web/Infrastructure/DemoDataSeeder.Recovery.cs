using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>The demo's recovery phase: damage and needs assessed around the chlorine leak.</summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// The city bureau's team assessed the evacuated downwind blocks of the chlorine leak, in recovery: little structural
    /// damage, people still displaced, water degraded, and drinking water and blankets needed.
    /// </summary>
    private async Task SeedAssessmentsAsync(By coordinator, DateTimeOffset now, CancellationToken ct)
    {
        var chlorine = db.Incidents.Local.Single(i => i.Title == "Chlorine leak at Qinghe Chemical Park");
        var types = await db.ResourceTypes.Where(t => t.Code == "drinking-water" || t.Code == "blanket").ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        // After the incident's last recorded event, as its chain's order needs, and before now.
        var head = await TimelineRecorder.HeadAsync(db, chlorine.Id, ct);
        var at = head is { } h && h.OccurredAt > now.AddDays(-1) ? h.OccurredAt.AddMinutes(1) : now.AddDays(-1);
        await StepAsync("RecordDamageAssessment", typeof(DamageAssessment), coordinator, at, ct, () =>
        {
            db.DamageAssessments.Add(DamageAssessment.Record(
                chlorine.Id, coordinator.Organisation!.Value, coordinator.User,
                new GeoPlace("Qinghe Chemical Park, downwind blocks", 30.5921, 114.3975),
                new DamageCounts(0, 0, 2, 14, 420, 37, 0),
                new Lifelines(LifelineStatus.Working, LifelineStatus.Degraded, LifelineStatus.Working, LifelineStatus.Working),
                [(types["drinking-water"], 8_000), (types["blanket"], 300)],
                "Mains water off in blocks 3 to 5 until the pipes are flushed; residents at the Red Cross shelter.",
                at));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The chlorine leak's recovery work: the city bureau's decontamination project, half its milestones done, feeding the
    /// objective it serves; the Red Cross's shelter for the evacuated residents; and blankets it handed out there.
    /// </summary>
    private async Task SeedRecoveryWorkAsync(Dictionary<string, Organisation> organisations, By coordinator, By redCrossManager, DateTimeOffset now, CancellationToken ct)
    {
        var chlorine = db.Incidents.Local.Single(i => i.Title == "Chlorine leak at Qinghe Chemical Park");
        var objective = await db.Objectives.SingleAsync(o => o.IncidentId == chlorine.Id && o.Title == "Decontaminate Gate 3 and the drainage channel", ct);
        var head = await TimelineRecorder.HeadAsync(db, chlorine.Id, ct);
        var at = head is { } h && h.OccurredAt > now.AddHours(-20) ? h.OccurredAt.AddMinutes(1) : now.AddHours(-20);
        var redCross = organisations[RedCross].Id;
        var bureau = organisations[CityBureau].Id;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        RecoveryProject? project = null;
        await StepAsync("StartRecoveryProject", typeof(RecoveryProject), coordinator, at, ct, () =>
        {
            project = RecoveryProject.Start(
                chlorine.Id, bureau, "Wash down Gate 3 and flush the drainage channel", new Budget(480_000m, "CNY"), objective.Id,
                [("Seal off Gate 3 and the channel", today.AddDays(-2)), ("Wash down Gate 3", today.AddDays(-1)),
                    ("Flush the drainage channel", today.AddDays(2)), ("Air and water readings clear for 7 days", today.AddDays(9))],
                coordinator.User, at);
            db.RecoveryProjects.Add(project);
            return Task.CompletedTask;
        });
        foreach (var milestone in project!.Milestones.Take(2))
        {
            at = at.AddHours(2);
            await StepAsync("MarkMilestone", typeof(Milestone), coordinator, at, ct, () =>
            {
                project.MarkMilestone(milestone.Id, true, at);
                return Task.CompletedTask;
            });
        }

        Shelter? shelter = null;
        at = at.AddMinutes(30);
        await StepAsync("OpenShelter", typeof(Shelter), redCrossManager, at, ct, () =>
        {
            shelter = Shelter.Open(chlorine.Id, redCross, "Qinghe No. 2 Middle School sports hall", new GeoPlace("Qinghe No. 2 Middle School, Xingfu Road", 30.5979, 114.4011), 300, 212, at);
            db.Shelters.Add(shelter);
            return Task.CompletedTask;
        });
        at = at.AddHours(3);
        await StepAsync("UpdateShelterOccupancy", typeof(Shelter), redCrossManager, at, ct, () =>
        {
            shelter!.SetOccupancy(186, at);
            return Task.CompletedTask;
        });

        var blanket = await db.ResourceTypes.Where(t => t.Code == "blanket").Select(t => t.Id).SingleAsync(ct);
        var blankets = await db.Resources.SingleAsync(r => r.OrganisationId == redCross && r.ResourceTypeId == blanket, ct);
        at = at.AddMinutes(20);
        await StepAsync("DistributeRelief", typeof(ReliefDistribution), redCrossManager, at, ct, () =>
        {
            blankets.Consume(300);
            db.ReliefDistributions.Add(ReliefDistribution.Record(
                chlorine.Id, redCross, blankets.Id, blanket, 300, shelter!.Id, new GeoPlace(shelter.PlaceName, shelter.Latitude, shelter.Longitude),
                150, "Two blankets a household for the cold nights in the sports hall.", redCrossManager.User, at));
            return Task.CompletedTask;
        });
    }
}
