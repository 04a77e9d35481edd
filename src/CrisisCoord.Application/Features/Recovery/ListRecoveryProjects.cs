using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>A project as an objective lists it: how far along it is.</summary>
public sealed record FeedingProject(Guid Id, string Title, string OwnerName, int Percent);

/// <summary>A recovery-phase objective with its own progress and the projects that feed it.</summary>
public sealed record RecoveryObjective(Guid Id, string Title, ObjectiveStatus Status, int Percent, IReadOnlyList<FeedingProject> Projects);

/// <summary>An organisation a coordinator may give a project to: it takes part and its charter lets it own one.</summary>
public sealed record ProjectOwnerOption(Guid Id, string Name);

/// <summary>An incident's recovery projects, its recovery objectives with the projects feeding them, and what the reader may do.</summary>
public sealed record RecoveryProjectsView(
    Guid IncidentId,
    string IncidentTitle,
    IReadOnlyList<RecoveryProjectDto> Projects,
    IReadOnlyList<RecoveryObjective> Objectives,
    IReadOnlyList<ProjectOwnerOption> Owners,
    Capabilities Capabilities);

/// <summary>The incident's recovery projects, oldest first, each with what the reader may do to it.</summary>
[Performs(Act.ViewRecoveryProjects)]
public sealed record ListRecoveryProjectsQuery(Guid IncidentId) : IQuery<RecoveryProjectsView>, IIncidentMessage;

public sealed class ListRecoveryProjectsQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<ListRecoveryProjectsQuery, RecoveryProjectsView>
{
    public async ValueTask<RecoveryProjectsView> Handle(ListRecoveryProjectsQuery query, CancellationToken cancellationToken)
    {
        var title = await db.Incidents.Where(i => i.Id == query.IncidentId).Select(i => i.Title).SingleAsync(cancellationToken);
        var projects = await RecoveryProjectDto.LoadAsync(db, query.IncidentId, null, cancellationToken);
        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => o.IncidentId == query.IncidentId && o.Phase == Phases.Recovery)
            .OrderBy(o => o.SetAt).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.Status, o.Progress, o.Target })
            .ToListAsync(cancellationToken);
        var capabilities = await access.CapabilitiesAsync(SubjectKind.Incident, query.IncidentId, cancellationToken);
        var owners = capabilities.Can(Act.StartRecoveryProject)
            ? await StartRecoveryProjectCommandValidator.OwnersAsync(db, query.IncidentId, cancellationToken)
            : [];
        var incident = await access.IncidentFactsAsync(query.IncidentId, cancellationToken);
        var decide = await access.DeciderAsync(cancellationToken);
        return new RecoveryProjectsView(
            query.IncidentId,
            title,
            [.. projects.Select(p => p with { Capabilities = decide(new Subject(SubjectKind.RecoveryProject, p.Id) { Incident = incident, Owner = p.OwnerOrganisationId }) })],
            [.. objectives.Select(o => new RecoveryObjective(
                o.Id, o.Title, o.Status, Objective.Percent(o.Progress, o.Target),
                [.. projects.Where(p => p.ObjectiveId == o.Id).Select(p => new FeedingProject(p.Id, p.Title, p.OwnerName, p.Percent))]))],
            owners,
            capabilities);
    }
}
