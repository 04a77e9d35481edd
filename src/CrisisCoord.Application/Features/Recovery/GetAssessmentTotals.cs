using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Recovery;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>How many assessments found a lifeline working, degraded or out.</summary>
public sealed record LifelineTally(int Working, int Degraded, int Out)
{
    public static readonly LifelineTally None = new(0, 0, 0);

    public static LifelineTally operator +(LifelineTally a, LifelineTally b) => new(a.Working + b.Working, a.Degraded + b.Degraded, a.Out + b.Out);
}

/// <summary>So much of a type needed, and how much of it has been asked for in resource requests.</summary>
public sealed record NeedTotal(string Type, string TypeName, string Unit, decimal Quantity, decimal Requested);

/// <summary>The sums over some assessments: an area's, or the whole incident's.</summary>
public sealed record DamageTotals(
    int Assessments, DamageCounts Counts, LifelineTally Power, LifelineTally Water, LifelineTally Roads, LifelineTally Telecoms, IReadOnlyList<NeedTotal> Needs);

/// <summary>One area: the places assessed under one name, whatever its case.</summary>
public sealed record AreaTotals(string Area, DamageTotals Totals);

public sealed record AssessmentTotals(Guid IncidentId, DamageTotals Incident, IReadOnlyList<AreaTotals> Areas);

/// <summary>An incident's assessments summed per area (place name, case-insensitive) and over the whole incident.</summary>
[Performs(Act.ViewAssessments)]
public sealed record GetAssessmentTotalsQuery(Guid IncidentId) : IQuery<AssessmentTotals>, IIncidentMessage;

public sealed class GetAssessmentTotalsQueryHandler(AppDbContext db) : IQueryHandler<GetAssessmentTotalsQuery, AssessmentTotals>
{
    public async ValueTask<AssessmentTotals> Handle(GetAssessmentTotalsQuery query, CancellationToken cancellationToken) =>
        await SumAsync(db, query.IncidentId, cancellationToken);

    /// <summary>Summed in the database, one row per area and one per area and type; the incident's totals are the areas' sums.</summary>
    public static async Task<AssessmentTotals> SumAsync(AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        var areas = await db.DamageAssessments.AsNoTracking()
            .Where(a => a.IncidentId == incidentId)
            .GroupBy(a => a.PlaceName.ToLower())
            .Select(g => new
            {
                Key = g.Key,
                Name = g.Min(a => a.PlaceName)!,
                Assessments = g.Count(),
                Destroyed = g.Sum(a => a.BuildingsDestroyed),
                Severe = g.Sum(a => a.BuildingsSevere),
                Moderate = g.Sum(a => a.BuildingsModerate),
                Minor = g.Sum(a => a.BuildingsMinor),
                Displaced = g.Sum(a => a.PeopleDisplaced),
                Injured = g.Sum(a => a.PeopleInjured),
                Missing = g.Sum(a => a.PeopleMissing),
                PowerWorking = g.Count(a => a.Power == LifelineStatus.Working),
                PowerDegraded = g.Count(a => a.Power == LifelineStatus.Degraded),
                PowerOut = g.Count(a => a.Power == LifelineStatus.Out),
                WaterWorking = g.Count(a => a.Water == LifelineStatus.Working),
                WaterDegraded = g.Count(a => a.Water == LifelineStatus.Degraded),
                WaterOut = g.Count(a => a.Water == LifelineStatus.Out),
                RoadsWorking = g.Count(a => a.Roads == LifelineStatus.Working),
                RoadsDegraded = g.Count(a => a.Roads == LifelineStatus.Degraded),
                RoadsOut = g.Count(a => a.Roads == LifelineStatus.Out),
                TelecomsWorking = g.Count(a => a.Telecoms == LifelineStatus.Working),
                TelecomsDegraded = g.Count(a => a.Telecoms == LifelineStatus.Degraded),
                TelecomsOut = g.Count(a => a.Telecoms == LifelineStatus.Out),
            })
            .OrderBy(a => a.Key)
            .ToListAsync(ct);
        var needs = await (
                from n in db.AssessmentNeeds.AsNoTracking()
                join a in db.DamageAssessments on n.AssessmentId equals a.Id
                join t in db.ResourceTypes on n.ResourceTypeId equals t.Id
                where a.IncidentId == incidentId
                group new { n.Quantity, n.RequestId } by new { Area = a.PlaceName.ToLower(), t.Code, t.Name, t.Unit } into g
                select new
                {
                    g.Key.Area,
                    g.Key.Code,
                    g.Key.Name,
                    g.Key.Unit,
                    Quantity = g.Sum(x => x.Quantity),
                    Requested = g.Sum(x => x.RequestId == null ? 0m : x.Quantity),
                })
            .ToListAsync(ct);

        var areaTotals = areas.Select(a => new AreaTotals(a.Name, new DamageTotals(
            a.Assessments,
            new DamageCounts(a.Destroyed, a.Severe, a.Moderate, a.Minor, a.Displaced, a.Injured, a.Missing),
            new LifelineTally(a.PowerWorking, a.PowerDegraded, a.PowerOut),
            new LifelineTally(a.WaterWorking, a.WaterDegraded, a.WaterOut),
            new LifelineTally(a.RoadsWorking, a.RoadsDegraded, a.RoadsOut),
            new LifelineTally(a.TelecomsWorking, a.TelecomsDegraded, a.TelecomsOut),
            [.. needs.Where(n => n.Area == a.Key).OrderBy(n => n.Code, StringComparer.Ordinal).Select(n => new NeedTotal(n.Code, n.Name, n.Unit, n.Quantity, n.Requested))])))
            .ToList();
        var incident = new DamageTotals(
            areaTotals.Sum(a => a.Totals.Assessments),
            areaTotals.Aggregate(default(DamageCounts), (sum, a) => sum + a.Totals.Counts),
            areaTotals.Aggregate(LifelineTally.None, (sum, a) => sum + a.Totals.Power),
            areaTotals.Aggregate(LifelineTally.None, (sum, a) => sum + a.Totals.Water),
            areaTotals.Aggregate(LifelineTally.None, (sum, a) => sum + a.Totals.Roads),
            areaTotals.Aggregate(LifelineTally.None, (sum, a) => sum + a.Totals.Telecoms),
            [.. needs.GroupBy(n => (n.Code, n.Name, n.Unit)).OrderBy(g => g.Key.Code, StringComparer.Ordinal)
                .Select(g => new NeedTotal(g.Key.Code, g.Key.Name, g.Key.Unit, g.Sum(n => n.Quantity), g.Sum(n => n.Requested)))]);
        return new AssessmentTotals(incidentId, incident, areaTotals);
    }
}
