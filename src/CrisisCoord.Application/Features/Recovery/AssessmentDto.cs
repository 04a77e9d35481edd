using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Recovery;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>A need at an assessed place; <see cref="RequestId"/> once it was asked for.</summary>
public sealed record AssessmentNeedDto(Guid Id, string Type, string TypeName, string Unit, decimal Quantity, Guid? RequestId);

/// <summary>A damage and needs assessment of one place.</summary>
public sealed record AssessmentDto(
    Guid Id,
    Guid IncidentId,
    Guid OrganisationId,
    string OrganisationName,
    string PlaceName,
    double Latitude,
    double Longitude,
    DamageCounts Counts,
    Lifelines Lifelines,
    string Notes,
    DateTimeOffset AssessedAt,
    Guid? TaskId,
    IReadOnlyList<AssessmentNeedDto> Needs)
{
    /// <summary>The assessments of an incident (or one of them), newest first, with their needs in the order listed.</summary>
    public static async Task<IReadOnlyList<AssessmentDto>> LoadAsync(AppDbContext db, Guid incidentId, Guid? id, CancellationToken ct)
    {
        var rows = await db.DamageAssessments.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && (id == null || a.Id == id))
            .OrderByDescending(a => a.AssessedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                Assessment = a,
                Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).First(),
                Needs = a.Needs.OrderBy(n => n.Position).Select(n => new
                {
                    n.Id,
                    Type = db.ResourceTypes.Where(t => t.Id == n.ResourceTypeId).Select(t => new { t.Code, t.Name, t.Unit }).First(),
                    n.Quantity,
                    n.RequestId,
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. rows.Select(r => new AssessmentDto(
            r.Assessment.Id, r.Assessment.IncidentId, r.Assessment.OrganisationId, r.Organisation, r.Assessment.PlaceName,
            r.Assessment.Latitude, r.Assessment.Longitude, r.Assessment.Counts,
            new Lifelines(r.Assessment.Power, r.Assessment.Water, r.Assessment.Roads, r.Assessment.Telecoms),
            r.Assessment.Notes, r.Assessment.AssessedAt, r.Assessment.TaskId,
            [.. r.Needs.Select(n => new AssessmentNeedDto(n.Id, n.Type.Code, n.Type.Name, n.Type.Unit, n.Quantity, n.RequestId))]))];
    }

    public static async Task<AssessmentDto> LoadOneAsync(AppDbContext db, Guid incidentId, Guid id, CancellationToken ct) =>
        (await LoadAsync(db, incidentId, id, ct)).SingleOrDefault() ?? throw new NotFoundException("Assessment", id);
}
