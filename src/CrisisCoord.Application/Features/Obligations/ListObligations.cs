using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Obligations;

/// <summary>
/// An incident's open obligations: who owes what, by when, and how long overdue. Non-public detail:
/// participants, coordinators and auditors see it.
/// </summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListIncidentObligationsQuery(Guid IncidentId) : IQuery<ObligationList>, IIncidentMessage;

/// <summary>
/// An organisation's open obligations across incidents, its inventory included: for its own people, and for
/// coordinators, auditors and administrators.
/// </summary>
[Performs(Act.ViewObligations)]
public sealed record ListOrganisationObligationsQuery(Guid OrganisationId) : IQuery<ObligationList>, IOrganisationMessage;

/// <param name="AsOf">The time the list was computed; overdue figures are as of then.</param>
/// <param name="Items">Most overdue first, then by due time.</param>
public sealed record ObligationList(DateTimeOffset AsOf, IReadOnlyList<ObligationDto> Items)
{
    public IEnumerable<ObligationDto> Overdue => Items.Where(i => i.Overdue);
}

/// <summary>One open obligation; <see cref="BreachRecordedAt"/> is when its breach went on the timeline, if it has.</summary>
public sealed record ObligationDto(
    Obligation Obligation,
    string Bound,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind OrganisationKind,
    Guid? IncidentId,
    string? IncidentTitle,
    Guid SubjectId,
    string Subject,
    DateTimeOffset Since,
    DateTimeOffset DueAt,
    bool Overdue,
    int OverdueMinutes,
    DateTimeOffset? BreachRecordedAt);

public sealed class ObligationQueriesHandler(AppDbContext db, ObligationRules rules, TimeProvider clock) :
    IQueryHandler<ListIncidentObligationsQuery, ObligationList>,
    IQueryHandler<ListOrganisationObligationsQuery, ObligationList>
{
    public async ValueTask<ObligationList> Handle(ListIncidentObligationsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == query.IncidentId, cancellationToken))
        {
            throw new NotFoundException("Incident", query.IncidentId);
        }

        return await ListAsync(new ObligationScope(IncidentId: query.IncidentId), cancellationToken);
    }

    public async ValueTask<ObligationList> Handle(ListOrganisationObligationsQuery query, CancellationToken cancellationToken)
    {
        return await ListAsync(new ObligationScope(OrganisationId: query.OrganisationId), cancellationToken);
    }

    public Task<ObligationList> ListAsync(ObligationScope scope, CancellationToken ct) => ListAsync(db, rules, clock.GetUtcNow(), scope, ct);

    /// <summary>The obligations in scope, named and with their breach records, most overdue first.</summary>
    public static async Task<ObligationList> ListAsync(AppDbContext db, ObligationRules rules, DateTimeOffset now, ObligationScope scope, CancellationToken ct)
    {
        var open = await db.FindAsync(rules, scope, ct);
        var organisationIds = open.Select(o => o.OrganisationId).Distinct().ToList();
        var incidentIds = open.Where(o => o.IncidentId is not null).Select(o => o.IncidentId!.Value).Distinct().ToList();
        var keys = open.Where(o => o.IsBreachedAt(now)).Select(o => o.BreachKey).ToList();

        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Kind }, ct);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => incidentIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var recorded = keys.Count == 0
            ? []
            : await db.ObligationBreaches.AsNoTracking()
                .Where(b => keys.Contains(b.Key))
                .ToDictionaryAsync(b => b.Key, b => b.DetectedAt, ct);

        var items = open
            .Select(o => new ObligationDto(
                o.Obligation,
                rules.BoundText(o.Obligation),
                o.OrganisationId,
                organisations[o.OrganisationId].Name,
                organisations[o.OrganisationId].Kind,
                o.IncidentId,
                o.IncidentId is { } id ? incidents[id] : null,
                o.SubjectId,
                o.Subject,
                o.Since,
                o.DueAt,
                o.IsBreachedAt(now),
                (int)o.OverdueAt(now).TotalMinutes,
                recorded.TryGetValue(o.BreachKey, out var at) ? at : null))
            .OrderByDescending(o => o.OverdueMinutes).ThenBy(o => o.DueAt)
            .ToList();
        return new ObligationList(now, items);
    }
}
