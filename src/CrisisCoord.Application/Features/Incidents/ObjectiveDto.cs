using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>An objective as the incident page and the API show it.</summary>
public sealed record ObjectiveDto(
    Guid Id,
    Guid IncidentId,
    Phases Phase,
    string Title,
    decimal? Target,
    string Unit,
    decimal Progress,
    int Percent,
    ObjectiveStatus Status,
    string WaiverReason,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    /// <summary>What the reader may do to the objective; on the incident page's read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    public static readonly Expression<Func<Objective, ObjectiveDto>> Projection = o => new ObjectiveDto(
        o.Id, o.IncidentId, o.Phase, o.Title, o.Target, o.Unit, o.Progress, Objective.Percent(o.Progress, o.Target),
        o.Status, o.WaiverReason, o.UpdatedAt, o.Version);

    private static readonly Func<Objective, ObjectiveDto> Compiled = Projection.Compile();

    public static ObjectiveDto From(Objective objective) => Compiled(objective);
}

public static class ObjectiveRules
{
    /// <summary>An incident's objectives, by phase, oldest first.</summary>
    public static async Task<IReadOnlyList<ObjectiveDto>> ObjectivesOfAsync(this AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        var rows = await db.Objectives.AsNoTracking()
            .Where(o => o.IncidentId == incidentId)
            .OrderBy(o => o.SetAt)
            .ToListAsync(ct);
        return [.. rows.OrderBy(o => o.Phase).Select(ObjectiveDto.From)];
    }

    /// <summary>The objectives of the incident's current phase that are neither met nor waived: what stops it closing.</summary>
    public static async Task<List<string>> UnsettledAsync(this AppDbContext db, Guid incidentId, Phases phase, CancellationToken ct) =>
        await db.Objectives.AsNoTracking()
            .Where(o => o.IncidentId == incidentId && o.Phase == phase && o.Status == ObjectiveStatus.Open)
            .OrderBy(o => o.SetAt)
            .Select(o => o.Title)
            .ToListAsync(ct);

    /// <summary>The objective, tracked for a change, with the version the writer saw.</summary>
    public static async Task<Objective> LoadObjectiveForChangeAsync(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Objective", id);
        db.ExpectVersion(objective, version);

        await db.OpenIncidentStateAsync(objective.IncidentId, ct);

        return objective;
    }
}
