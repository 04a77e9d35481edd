using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>A safety check-in as its person and the incident's coordinators see it.</summary>
public sealed record CheckInDto(
    Guid Id,
    Guid IncidentId,
    string IncidentTitle,
    Guid UserId,
    string PersonName,
    string? OrganisationName,
    CheckInStatus Status,
    double Latitude,
    double Longitude,
    string PlaceName,
    string Note,
    DateTimeOffset PostedAt,
    DateTimeOffset UpdatedAt,
    Guid? TaskId,
    string? TaskTitle,
    uint Version)
{
    /// <summary>What the reader may do to the check-in now (update it, make a task of it).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    /// <summary>A coordinator made a task of it: someone is on it.</summary>
    public bool Handled => TaskId is not null;

    public static Expression<Func<CheckIn, CheckInDto>> Projection(AppDbContext db) => c => new CheckInDto(
        c.Id,
        c.IncidentId,
        db.Incidents.Where(i => i.Id == c.IncidentId).Select(i => i.Title).First(),
        c.UserId,
        db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).First(),
        db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault(),
        c.Status,
        c.Latitude,
        c.Longitude,
        c.PlaceName,
        c.Note,
        c.PostedAt,
        c.UpdatedAt,
        c.TaskId,
        db.Tasks.Where(t => t.Id == c.TaskId).Select(t => t.Title).FirstOrDefault(),
        c.Version);

    public static async Task<CheckInDto> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.CheckIns.AsNoTracking().Where(c => c.Id == id).Select(Projection(db)).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Check-in", id);
}

public static class CheckInCapabilities
{
    /// <summary>The check-ins with what the reader may do to each, decided from facts already in hand.</summary>
    public static async Task<IReadOnlyList<CheckInDto>> WithCapabilitiesAsync(this IReadOnlyList<CheckInDto> checkIns, AccessPolicy access, CancellationToken ct)
    {
        if (checkIns.Count == 0)
        {
            return checkIns;
        }

        var incidents = await access.IncidentFactsAsync([.. checkIns.Select(c => c.IncidentId)], ct);
        var decide = await access.DeciderAsync(ct);
        return [.. checkIns.Select(c => c with
        {
            Capabilities = decide(Subjects.ForCheckIn(incidents[c.IncidentId], c.Id, new CheckInFacts(c.UserId, c.Status, c.TaskId))),
        })];
    }
}
