using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>A task as the board, "my tasks" and the API show it.</summary>
public sealed record TaskDto(
    Guid Id,
    Guid IncidentId,
    string IncidentTitle,
    string Title,
    string Description,
    Phases Phase,
    Guid? ObjectiveId,
    TaskPriority Priority,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> RequiredResourceTypes,
    TaskState State,
    Guid? AssignedOrganisationId,
    string? AssignedOrganisationName,
    OrganisationKind? AssignedOrganisationKind,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset StateChangedAt,
    uint Version)
{
    /// <summary>What the reader may do to the task now; on the board, "my tasks" and a read of one task.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    public static Expression<Func<IncidentTask, TaskDto>> Projection(AppDbContext db) => t => new TaskDto(
        t.Id,
        t.IncidentId,
        db.Incidents.Where(i => i.Id == t.IncidentId).Select(i => i.Title).First(),
        t.Title,
        t.Description,
        t.Phase,
        t.ObjectiveId,
        t.Priority,
        t.DueAt,
        t.RequiredResourceTypes,
        t.State,
        t.AssignedOrganisationId,
        db.Organisations.Where(o => o.Id == t.AssignedOrganisationId).Select(o => o.Name).FirstOrDefault(),
        db.Organisations.Where(o => o.Id == t.AssignedOrganisationId).Select(o => (OrganisationKind?)o.Kind).FirstOrDefault(),
        t.Reason,
        t.CreatedAt,
        t.StateChangedAt,
        t.Version);

    public static async Task<TaskDto> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(Projection(db)).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Task", id);
}

/// <summary>What the task commands share: loading a task for a conditional change, and who may act on it.</summary>
public static class TaskRules
{
    /// <summary>Each task with what the reader may do to it, decided in memory from its incident's facts (loaded once per incident).</summary>
    public static async Task<IReadOnlyList<TaskDto>> WithCapabilitiesAsync(this IReadOnlyList<TaskDto> tasks, AccessPolicy access, CancellationToken ct)
    {
        var incidents = await access.IncidentFactsAsync([.. tasks.Select(t => t.IncidentId).Distinct()], ct);
        var decide = await access.DeciderAsync(ct);
        return [.. tasks.Select(t => t with { Capabilities = decide(Subjects.ForTask(incidents[t.IncidentId], t.Id, t.State, t.AssignedOrganisationId)) })];
    }


    public static async Task<IncidentTask> LoadTaskForChangeAsync(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
    {
        // The task with its incident's state, in one round trip.
        var found = await db.Tasks.Where(t => t.Id == id)
                .Select(t => new { Task = t, IncidentState = db.Incidents.Where(i => i.Id == t.IncidentId).Select(i => i.State).Single() })
                .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Task", id);
        db.ExpectVersion(found.Task, version);
        found.IncidentState.EnsureOpen();
        return found.Task;
    }

    /// <summary>Work goes only to organisations taking part in the incident.</summary>
    public static async Task EnsureParticipantAsync(this AppDbContext db, Guid incidentId, Guid organisationId, CancellationToken ct)
    {
        if (!await db.IncidentParticipants.AnyAsync(
                p => p.IncidentId == incidentId && p.OrganisationId == organisationId && p.Status == ParticipationStatus.Admitted, ct))
        {
            throw new DomainRuleException(new("Rule.Task.NotParticipant", "This organisation does not take part in the incident; bring it in first, then give it work."));
        }
    }
}
