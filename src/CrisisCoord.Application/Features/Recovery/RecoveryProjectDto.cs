using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Recovery;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

public sealed record MilestoneDto(Guid Id, string Title, DateOnly DueOn, bool Done, DateTimeOffset? DoneAt);

/// <summary>A recovery project: who owns it, its budget, the objective it feeds, its milestones and how far along it is.</summary>
public sealed record RecoveryProjectDto(
    Guid Id,
    Guid IncidentId,
    Guid OwnerOrganisationId,
    string OwnerName,
    string Title,
    decimal BudgetAmount,
    string BudgetCurrency,
    Guid? ObjectiveId,
    string? ObjectiveTitle,
    int Percent,
    IReadOnlyList<MilestoneDto> Milestones,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    /// <summary>What the reader may do to the project (edit it, mark its milestones).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    /// <summary>The projects of an incident (or one of them), oldest first, with their milestones in the order listed.</summary>
    public static async Task<IReadOnlyList<RecoveryProjectDto>> LoadAsync(AppDbContext db, Guid? incidentId, Guid? id, CancellationToken ct)
    {
        var rows = await db.RecoveryProjects.AsNoTracking()
            .Where(p => (incidentId == null || p.IncidentId == incidentId) && (id == null || p.Id == id))
            .OrderBy(p => p.StartedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                Project = p,
                Owner = db.Organisations.Where(o => o.Id == p.OwnerOrganisationId).Select(o => o.Name).First(),
                Objective = db.Objectives.Where(o => o.Id == p.ObjectiveId).Select(o => o.Title).FirstOrDefault(),
                Milestones = p.Milestones.OrderBy(m => m.Position).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. rows.Select(r => new RecoveryProjectDto(
            r.Project.Id, r.Project.IncidentId, r.Project.OwnerOrganisationId, r.Owner, r.Project.Title,
            r.Project.BudgetAmount, r.Project.BudgetCurrency, r.Project.ObjectiveId, r.Objective,
            RecoveryProject.Percent(r.Milestones.Count(m => m.Done), r.Milestones.Count),
            [.. r.Milestones.Select(m => new MilestoneDto(m.Id, m.Title, m.DueOn, m.Done, m.DoneAt))],
            r.Project.StartedAt, r.Project.UpdatedAt, r.Project.Version))];
    }

    public static async Task<RecoveryProjectDto> LoadOneAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        (await LoadAsync(db, null, id, ct)).SingleOrDefault() ?? throw new NotFoundException("Recovery project", id);
}

public static class RecoveryProjectRules
{
    /// <summary>The project with its milestones, tracked for a change, compared on save with the version the writer saw.</summary>
    public static async Task<RecoveryProject> LoadProjectForChangeAsync(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
    {
        var project = await db.RecoveryProjects.Include(p => p.Milestones).SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Recovery project", id);
        db.ExpectVersion(project, version);
        return project;
    }
}
