using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Memberships;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Dashboard;

/// <summary>
/// What a signed-in person needs first: the open incidents (by state and severity, on a map), escalations
/// required, overdue obligations, balance warnings, their organisation's tasks and the requests it can answer — all computed from the
/// data as it is now. Coordinators, auditors and administrators see every organisation's obligations and
/// every incident's warnings; others see their own organisation's and the incidents they take part in.
/// </summary>
[Performs(Act.ViewOwnWork)]
public sealed record GetDashboardQuery : IQuery<DashboardDto>;

public sealed record DashboardDto(
    DateTimeOffset AsOf,
    bool AllOrganisations,
    IReadOnlyList<IncidentDto> OpenIncidents,
    IReadOnlyList<CountDto> ByState,
    IReadOnlyList<CountDto> BySeverity,
    IReadOnlyList<ObligationDto> OverdueObligations,
    IReadOnlyList<ObligationDto> UpcomingObligations,
    IReadOnlyList<BalanceWarningDto> BalanceWarnings,
    IReadOnlyList<TaskDto> MyTasks,
    IReadOnlyList<ResourceRequestDto> RequestsForMyOrganisation,
    IReadOnlyList<MembershipRequestDto> MyMembershipRequests)
{
    /// <summary>False for a private citizen, who acts for no organisation until a group admits them.</summary>
    public bool ActsForAnOrganisation { get; init; } = true;

    public IEnumerable<IncidentDto> Escalations => OpenIncidents.Where(i => i.EscalationRequired);
}

public sealed record CountDto(string Name, int Count);

public sealed record BalanceWarningDto(Guid IncidentId, string IncidentTitle, string Warning);

public sealed class GetDashboardQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user, ObligationRules obligationRules, BalanceRules balanceRules, TimeProvider clock)
    : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public const int ObligationsShown = 50;
    public const int TasksShown = 20;

    private static readonly TaskState[] Unfinished = [TaskState.Assigned, TaskState.Accepted, TaskState.InProgress];

    public async ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organisation = user.OrganisationId;
        var everyone = AccessRules.OverseesObligations(await access.ReaderAsync(cancellationToken));

        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.State != IncidentState.Closed && i.State != IncidentState.Dismissed && i.State != IncidentState.Merged)
            .OrderBy(i => i.Severity).ThenByDescending(i => i.ReportedAt)
            .Select(IncidentDto.Projection)
            .ToListAsync(cancellationToken);
        var facts = await access.IncidentFactsAsync([.. incidents.Select(i => i.Id)], cancellationToken);
        var decide = await access.DeciderAsync(cancellationToken);
        incidents = [.. incidents.Select(i =>
        {
            var capabilities = decide(new Subject(SubjectKind.Incident, i.Id) { Incident = facts[i.Id] });
            return (capabilities.Can(Act.ViewIncidentDetail) ? i : i.WithoutDetail()) with { Capabilities = capabilities };
        })];

        var obligations = everyone || organisation is not null
            ? await (await ObligationLists.ListAsync(
                    db, obligationRules, now, everyone ? ObligationScope.Everyone : new ObligationScope(OrganisationId: organisation), cancellationToken))
                .ShownToReaderAsync(access, cancellationToken)
            : new ObligationList(now, []);

        var warnings = new List<BalanceWarningDto>();
        foreach (var incident in incidents.Where(i => i.DetailShown && i.State != IncidentState.Reported))
        {
            var report = await GetIncidentBalanceQueryHandler.ReportAsync(db, incident, incident.State.Phase(), balanceRules, now, cancellationToken);
            warnings.AddRange(report.Warnings.Select(w => new BalanceWarningDto(incident.Id, incident.Title, w)));
        }

        // A private citizen has no organisation, so no tasks: never a query for unassigned ones.
        IReadOnlyList<TaskDto> myTasks = organisation is not { } assignee ? [] : await db.Tasks.AsNoTracking()
            .Where(t => t.AssignedOrganisationId == assignee && Unfinished.Contains(t.State))
            .OrderBy(t => t.State).ThenByDescending(t => t.Priority).ThenBy(t => t.DueAt ?? DateTimeOffset.MaxValue)
            .Take(TasksShown)
            .Select(TaskDto.Projection(db))
            .ToListAsync(cancellationToken);

        return new DashboardDto(
            now,
            everyone,
            incidents,
            [.. Enum.GetValues<IncidentState>().Where(s => s.IsOpen()).Select(s => new CountDto(s.ToString(), incidents.Count(i => i.State == s)))],
            [.. Enum.GetValues<Severity>().Select(s => new CountDto(s.ToString(), incidents.Count(i => i.Grade == s)))],
            [.. obligations.Overdue.Take(ObligationsShown)],
            [.. obligations.Items.Where(o => !o.Overdue && o.OrganisationId == organisation).Take(ObligationsShown)],
            warnings,
            myTasks,
            organisation is { } mine ? await (await RequestThreads.ForOrganisationAsync(db, mine, cancellationToken)).AsSeenByReaderAsync(access, mine, cancellationToken) : [],
            await db.MembershipRequests.AsNoTracking()
                .Where(m => m.UserId == user.UserId)
                .OrderByDescending(m => m.RequestedAt)
                .Select(MembershipRequestDto.Projection(db))
                .ToListAsync(cancellationToken))
        {
            ActsForAnOrganisation = organisation is not null,
        };
    }
}
