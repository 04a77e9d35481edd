using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>How evenly an incident's active work is spread in a phase (its current one by default), with warnings.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record GetIncidentBalanceQuery(Guid IncidentId) : IQuery<IncidentBalanceDto>, IIncidentMessage
{
    /// <summary>Warning, Response or Recovery.</summary>
    public Phases? Phase { get; init; }
}

public sealed record IncidentBalanceDto(Guid IncidentId, Phases Phase, BalanceReportDto Report);

/// <summary>
/// A <see cref="BalanceReport"/> as a reader reads it: the same figures, and its warnings said in the reader's language
/// each time they are read (<see cref="Warnings"/>: by the page, by the API's JSON), from the phrases the domain wrote.
/// </summary>
public sealed record BalanceReportDto(
    int ActiveTasks,
    IReadOnlyList<Share> ByOrganisation,
    IReadOnlyList<Share> ByKind,
    decimal Hhi,
    [property: JsonIgnore] IReadOnlyList<Phrase> WarningPhrases,
    int CommittedResources,
    IReadOnlyList<Share> ResourcesByOrganisation,
    IReadOnlyList<Share> ResourcesByKind,
    bool Monopoly,
    bool Limbo)
{
    public IReadOnlyList<string> Warnings => [.. WarningPhrases.Select(w => w.Say())];

    public static BalanceReportDto Of(BalanceReport report) => new(
        report.ActiveTasks,
        report.ByOrganisation,
        report.ByKind,
        report.Hhi,
        report.Warnings,
        report.CommittedResources,
        report.ResourcesByOrganisation,
        report.ResourcesByKind,
        report.Monopoly,
        report.Limbo);
}

/// <summary>One incident's balance among many, with what a list of them is ordered and titled by.</summary>
public sealed record IncidentBalance(Guid IncidentId, string Title, Severity Severity, DateTimeOffset ReportedAt, BalanceReport Report);

public sealed class GetIncidentBalanceQueryValidator : AbstractValidator<GetIncidentBalanceQuery>
{
    public GetIncidentBalanceQueryValidator() => RuleFor(x => x.Phase).OnePhase();
}

public sealed class GetIncidentBalanceQueryHandler(AppDbContext db, BalanceRules rules, TimeProvider clock)
    : IQueryHandler<GetIncidentBalanceQuery, IncidentBalanceDto>
{
    public async ValueTask<IncidentBalanceDto> Handle(GetIncidentBalanceQuery query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.IncidentId, cancellationToken)
            ?? throw new NotFoundException("Incident", query.IncidentId);
        var phase = query.Phase ?? incident.State.Phase();
        var report = await ReportAsync(db, IncidentDto.From(incident), phase, rules, clock.GetUtcNow(), cancellationToken);
        return new IncidentBalanceDto(incident.Id, phase, BalanceReportDto.Of(report));
    }

    /// <summary>The balance of one incident's work in one phase, from its tasks and participants as they are now.</summary>
    public static async Task<BalanceReport> ReportAsync(AppDbContext db, IncidentDto incident, Phases phase, BalanceRules rules, DateTimeOffset now, CancellationToken ct) =>
        (await ReportsAsync(db, db.Incidents.Where(i => i.Id == incident.Id), _ => phase, rules, now, ct)).Single().Report;

    /// <summary>
    /// The balance of many incidents' work at once, each in the phase <paramref name="phaseOf"/> picks for its state:
    /// three queries however many incidents there are (the incidents with their participants and unanswered
    /// organisations counted, active tasks and live commitments counted per organisation), so a dashboard over
    /// thousands of incidents costs what one incident's page does.
    /// </summary>
    public static async Task<IReadOnlyList<IncidentBalance>> ReportsAsync(
        AppDbContext db, IQueryable<Incident> incidents, Func<IncidentState, Phases> phaseOf, BalanceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var answerBy = now - rules.UnansweredLimit;
        var unassignedSince = now - rules.UnassignedLimit;
        var unacknowledgedSince = now - rules.UnacknowledgedLimit;

        var heads = await incidents.AsNoTracking()
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Severity,
                i.ReportedAt,
                i.State,
                HasLead = i.LeadOrganisationId != null,
                Participants = db.IncidentParticipants.Count(p => p.IncidentId == i.Id && p.Status == ParticipationStatus.Admitted),
                Unanswered = db.RequestAddressees.Count(a => a.IncidentId == i.Id && a.AskedAt < answerBy
                    && db.ResourceRequests.Any(r => r.Id == a.RequestId && r.State == RequestState.Open)
                    && !db.ResourceOffers.Any(o => o.RequestId == a.RequestId && o.OrganisationId == a.OrganisationId)),
            })
            .ToListAsync(ct);
        if (heads.Count == 0)
        {
            return [];
        }

        // The incidents found, as a list: PostgreSQL plans by its length (an index for a few, a scan for thousands),
        // where the query that found them would leave it guessing.
        var ids = heads.Select(h => h.Id).ToList();

        var tasks = (await db.Tasks.AsNoTracking()
                .Where(t => ids.Contains(t.IncidentId))
                .GroupBy(t => new { t.IncidentId, t.Phase, t.AssignedOrganisationId })
                .Select(g => new
                {
                    g.Key.IncidentId,
                    g.Key.Phase,
                    Holder = db.Organisations.Where(o => o.Id == g.Key.AssignedOrganisationId).Select(o => new { o.Name, o.Kind }).FirstOrDefault(),
                    Active = g.Count(t => Balance.Active.Contains(t.State)),
                    OpenTooLong = g.Count(t => t.State == TaskState.Open && t.CreatedAt < unassignedSince),
                    Unacknowledged = g.Count(t => t.State == TaskState.Assigned && t.StateChangedAt < unacknowledgedSince),
                })
                .ToListAsync(ct))
            .ToLookup(t => t.IncidentId);
        var committed = (await (
                    from c in db.ResourceCommitments
                    join o in db.Organisations on c.OrganisationId equals o.Id
                    where ids.Contains(c.IncidentId) && c.State != CommitmentState.Released
                    group c by new { c.IncidentId, o.Name, o.Kind } into g
                    select new { g.Key.IncidentId, g.Key.Name, g.Key.Kind, Count = g.Count() })
                .AsNoTracking()
                .ToListAsync(ct))
            .ToLookup(c => c.IncidentId);

        return [.. heads.Select(head =>
        {
            var phase = phaseOf(head.State);
            var inPhase = tasks[head.Id].Where(t => t.Phase == phase).ToList();
            return new IncidentBalance(head.Id, head.Title, head.Severity, head.ReportedAt, Balance.Compute(
                [.. inPhase.Where(t => t.Holder is not null).SelectMany(t => Enumerable.Repeat((t.Holder!.Name, t.Holder.Kind), t.Active))],
                head.Participants,
                head.HasLead,
                inPhase.Sum(t => t.OpenTooLong),
                inPhase.Sum(t => t.Unacknowledged),
                head.State == IncidentState.Response,
                rules,
                [.. committed[head.Id].SelectMany(c => Enumerable.Repeat((c.Name, c.Kind), c.Count))],
                head.Unanswered));
        })];
    }
}
