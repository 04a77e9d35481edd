using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>How evenly an incident's active work is spread in a phase (its current one by default), with warnings.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record GetIncidentBalanceQuery(Guid IncidentId) : IQuery<IncidentBalanceDto>, IIncidentMessage
{
    /// <summary>Warning, Response or Recovery.</summary>
    public Phases? Phase { get; init; }
}

public sealed record IncidentBalanceDto(Guid IncidentId, Phases Phase, BalanceReport Report);

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
        return new IncidentBalanceDto(incident.Id, phase, report);
    }

    /// <summary>The balance of one incident's work in one phase, from its tasks and participants as they are now.</summary>
    public static async Task<BalanceReport> ReportAsync(AppDbContext db, IncidentDto incident, Phases phase, BalanceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.IncidentId == incident.Id && t.Phase == phase)
            .Select(t => new
            {
                t.State,
                t.StateChangedAt,
                t.CreatedAt,
                Organisation = db.Organisations.Where(o => o.Id == t.AssignedOrganisationId).Select(o => new { o.Name, o.Kind }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var participants = await db.IncidentParticipants.CountAsync(p => p.IncidentId == incident.Id && p.Status == ParticipationStatus.Admitted, ct);
        var committed = await (
                from c in db.ResourceCommitments
                join o in db.Organisations on c.OrganisationId equals o.Id
                where c.IncidentId == incident.Id && c.State != CommitmentState.Released
                select new { o.Name, o.Kind })
            .AsNoTracking()
            .ToListAsync(ct);
        var answerBy = now - rules.UnansweredLimit;
        var unanswered = await db.RequestAddressees.CountAsync(
            a => a.IncidentId == incident.Id && a.AskedAt < answerBy
                && db.ResourceRequests.Any(r => r.Id == a.RequestId && r.State == RequestState.Open)
                && !db.ResourceOffers.Any(o => o.RequestId == a.RequestId && o.OrganisationId == a.OrganisationId),
            ct);

        return Balance.Compute(
            [.. tasks.Where(t => Balance.Active.Contains(t.State) && t.Organisation is not null).Select(t => (t.Organisation!.Name, t.Organisation.Kind))],
            participants,
            incident.LeadOrganisationId is not null,
            tasks.Count(t => t.State == TaskState.Open && now - t.CreatedAt > rules.UnassignedLimit),
            tasks.Count(t => t.State == TaskState.Assigned && now - t.StateChangedAt > rules.UnacknowledgedLimit),
            incident.State == IncidentState.Response,
            rules,
            [.. committed.Select(c => (c.Name, c.Kind))],
            unanswered);
    }
}
