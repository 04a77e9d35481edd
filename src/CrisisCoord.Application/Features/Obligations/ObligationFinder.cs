using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Obligations;

/// <summary>Whose obligations to look at: one incident's, one organisation's, or everyone's (both null).</summary>
public sealed record ObligationScope(Guid? IncidentId = null, Guid? OrganisationId = null)
{
    public static readonly ObligationScope Everyone = new();
}

/// <summary>
/// Computes, from the data as it is now, what each organisation owes (DOMAIN "Charter"): tasks to
/// acknowledge, situation reports due, inventory to re-confirm, objectives to set, resource requests to
/// answer. An obligation counts only where the organisation's effective charter holds it in the phase concerned.
/// </summary>
public static class ObligationFinder
{
    private static readonly IncidentState[] Working = [IncidentState.Reported, IncidentState.Warning, IncidentState.Response, IncidentState.Recovery];

    public static async Task<IReadOnlyList<OpenObligation>> FindAsync(this AppDbContext db, ObligationRules rules, ObligationScope scope, CancellationToken ct) =>
        (await db.FindNamedAsync(rules, scope, ct)).Obligations;

    /// <summary>
    /// The same, with the names a list shows beside them, read on the way (the incidents' titles with their states,
    /// the organisations' names with their kinds), so that listing them costs no further query.
    /// </summary>
    public static async Task<FoundObligations> FindNamedAsync(this AppDbContext db, ObligationRules rules, ObligationScope scope, CancellationToken ct)
    {
        var (incidentId, organisationId) = (scope.IncidentId, scope.OrganisationId);
        var incidents = db.Incidents.AsNoTracking().Where(i => Working.Contains(i.State) && (incidentId == null || i.Id == incidentId));
        var candidates = new List<(OpenObligation Obligation, Phases Phase)>();
        var titles = new Dictionary<Guid, string>();

        // Assigned tasks waiting for their assignee to accept or decline.
        var assigned = await (
                from t in db.Tasks
                join i in incidents on t.IncidentId equals i.Id
                where t.State == TaskState.Assigned && t.AssignedOrganisationId != null
                    && (organisationId == null || t.AssignedOrganisationId == organisationId)
                select new { t.Id, t.Title, t.IncidentId, IncidentTitle = i.Title, Assignee = t.AssignedOrganisationId!.Value, t.StateChangedAt, i.State })
            .AsNoTracking()
            .ToListAsync(ct);
        assigned.ForEach(t => titles[t.IncidentId] = t.IncidentTitle);
        candidates.AddRange(assigned.Select(t =>
            (rules.AcknowledgeTaskOf(t.Id, t.Title, t.IncidentId, t.Assignee, t.StateChangedAt, t.State), t.State.Phase())));

        // Situation reports from every organisation taking part in a response.
        var reporting = await (
                from p in db.IncidentParticipants
                join i in incidents on p.IncidentId equals i.Id
                where i.State == IncidentState.Response && p.Status == ParticipationStatus.Admitted
                    && (organisationId == null || p.OrganisationId == organisationId)
                select new
                {
                    i.Id,
                    i.Title,
                    i.StateChangedAt,
                    p.OrganisationId,
                    IsLead = i.LeadOrganisationId == p.OrganisationId,
                    p.AdmittedAt,
                    LastReport = db.SituationReports
                        .Where(r => r.IncidentId == i.Id && r.OrganisationId == p.OrganisationId)
                        .Max(r => (DateTimeOffset?)r.SubmittedAt),
                })
            .AsNoTracking()
            .ToListAsync(ct);
        reporting.ForEach(r => titles[r.Id] = r.Title);
        candidates.AddRange(reporting.Select(r =>
            (rules.SituationReportOf(r.Id, r.OrganisationId, r.IsLead, r.StateChangedAt, r.AdmittedAt, r.LastReport), Phases.Response)));

        // Resource requests an organisation was asked to answer and has not (neither offered nor declined).
        var asked = await (
                from a in db.RequestAddressees
                join r in db.ResourceRequests on a.RequestId equals r.Id
                join i in incidents on r.IncidentId equals i.Id
                where r.State == RequestState.Open
                    && (organisationId == null || a.OrganisationId == organisationId)
                    && !db.ResourceOffers.Any(o => o.RequestId == r.Id && o.OrganisationId == a.OrganisationId)
                select new
                {
                    RequestId = r.Id,
                    r.Quantity,
                    Type = db.ResourceTypes.Where(t => t.Id == r.ResourceTypeId).Select(t => new { t.Name, t.Unit }).First(),
                    r.IncidentId,
                    IncidentTitle = i.Title,
                    a.OrganisationId,
                    a.AskedAt,
                    i.State,
                })
            .AsNoTracking()
            .ToListAsync(ct);
        asked.ForEach(a => titles[a.IncidentId] = a.IncidentTitle);
        candidates.AddRange(asked.Select(a =>
            (rules.AnswerResourceRequestOf(a.RequestId, new Need(a.Quantity, a.Type.Unit, a.Type.Name), a.IncidentId, a.OrganisationId, a.AskedAt), a.State.Phase())));

        // Objectives for the phase, from the lead, once the phase has started.
        var leading = await incidents
            .Where(i => i.LeadOrganisationId != null && i.State != IncidentState.Reported && (organisationId == null || i.LeadOrganisationId == organisationId))
            .Select(i => new { i.Id, i.Title, Lead = i.LeadOrganisationId!.Value, i.State, i.StateChangedAt, Phases = db.Objectives.Where(o => o.IncidentId == i.Id).Select(o => o.Phase).ToList() })
            .ToListAsync(ct);
        leading.ForEach(i => titles[i.Id] = i.Title);
        candidates.AddRange(leading
            .Where(i => !i.Phases.Contains(i.State.Phase()))
            .Select(i => (rules.SetObjectivesOf(i.Id, i.Lead, i.State.Phase(), i.StateChangedAt), i.State.Phase())));

        // Inventory: while an organisation takes part in a response, its registered resources are re-confirmed.
        // This belongs to the organisation, not to one incident, so an incident's list leaves it out.
        if (incidentId is null)
        {
            // Since when each organisation has taken part in a response: the later of the response starting and its joining.
            var responding = (await (
                    from p in db.IncidentParticipants
                    join i in db.Incidents on p.IncidentId equals i.Id
                    where p.Status == ParticipationStatus.Admitted && i.State == IncidentState.Response
                        && (organisationId == null || p.OrganisationId == organisationId)
                    select new { p.OrganisationId, i.StateChangedAt, p.AdmittedAt })
                .AsNoTracking()
                .ToListAsync(ct))
                .GroupBy(r => r.OrganisationId)
                .ToDictionary(g => g.Key, g => g.Min(r => r.AdmittedAt is { } joined && joined > r.StateChangedAt ? joined : r.StateChangedAt));
            var holders = responding.Keys.ToList();
            // A join, not a subquery per resource: at 50,000 resources a quarter of the time.
            var resources = await (
                    from r in db.Resources
                    join t in db.ResourceTypes on r.ResourceTypeId equals t.Id
                    where holders.Contains(r.OrganisationId)
                    select new { r.Id, r.OrganisationId, r.LastConfirmedAt, r.PlaceName, Type = t.Name })
                .AsNoTracking()
                .ToListAsync(ct);
            candidates.AddRange(resources.Select(r =>
                (rules.ConfirmInventoryOf(r.Id, r.Type, r.PlaceName, r.OrganisationId, r.LastConfirmedAt, responding[r.OrganisationId]), Phases.Response)));
        }

        var (held, names) = await HeldUnderChartersAsync(db, candidates, ct);
        return new FoundObligations(held, names, titles);
    }

    /// <summary>Keeps the obligations each organisation's effective charter holds in the phase concerned; with the organisations' names.</summary>
    private static async Task<(IReadOnlyList<OpenObligation> Held, IReadOnlyDictionary<Guid, (string Name, OrganisationKind Kind)> Organisations)> HeldUnderChartersAsync(
        AppDbContext db, List<(OpenObligation Obligation, Phases Phase)> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return ([], new Dictionary<Guid, (string, OrganisationKind)>());
        }

        var organisations = candidates.Select(c => c.Obligation.OrganisationId).Distinct().ToList();
        var named = await db.Organisations.AsNoTracking()
            .Where(o => organisations.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Kind })
            .ToDictionaryAsync(o => o.Id, o => (o.Name, o.Kind), ct);
        var entries = await db.CharterEntries.AsNoTracking()
            .Where(e => e.Obligation != null && (e.OrganisationId == null || organisations.Contains(e.OrganisationId.Value)))
            .ToListAsync(ct);

        // Decided once per organisation and obligation: a crisis has tens of thousands of obligations, not of charters.
        var held = new Dictionary<(Guid Organisation, Obligation Obligation), Phases>();
        bool Holds(OpenObligation o, Phases phase)
        {
            if (!held.TryGetValue((o.OrganisationId, o.Obligation), out var phases))
            {
                var own = entries.Where(e => e.OrganisationId == null || e.OrganisationId == o.OrganisationId);
                phases = held[(o.OrganisationId, o.Obligation)] = CharterItem.Of(o.Obligation).EffectivePhases(named[o.OrganisationId].Kind, own);
            }

            return phases.HasFlag(phase);
        }

        return ([.. candidates.Where(c => Holds(c.Obligation, c.Phase)).Select(c => c.Obligation).OrderBy(o => o.DueAt)], named);
    }
}

/// <param name="Obligations">Soonest due first.</param>
/// <param name="Organisations">The name and kind of every organisation that owes one.</param>
/// <param name="IncidentTitles">The title of every incident one arises in.</param>
public sealed record FoundObligations(
    IReadOnlyList<OpenObligation> Obligations,
    IReadOnlyDictionary<Guid, (string Name, OrganisationKind Kind)> Organisations,
    IReadOnlyDictionary<Guid, string> IncidentTitles);
