using CrisisCoord.Application.Timeline;
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
}
