using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>A shelter: who runs it, where, how many it holds and how many are there.</summary>
public sealed record ShelterDto(
    Guid Id,
    Guid IncidentId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    string PlaceName,
    double Latitude,
    double Longitude,
    int Capacity,
    int Occupancy,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    /// <summary>What the reader may do to the shelter (update its occupancy).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    /// <summary>Beds still free.</summary>
    public int Free => Capacity - Occupancy;

    public static async Task<IReadOnlyList<ShelterDto>> LoadAsync(AppDbContext db, Guid? incidentId, Guid? id, CancellationToken ct) =>
        await db.Shelters.AsNoTracking()
            .Where(s => (incidentId == null || s.IncidentId == incidentId) && (id == null || s.Id == id))
            .OrderBy(s => s.OpenedAt).ThenBy(s => s.Id)
            .Select(s => new ShelterDto(
                s.Id, s.IncidentId, s.OrganisationId, db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(),
                s.Name, s.PlaceName, s.Latitude, s.Longitude, s.Capacity, s.Occupancy, s.OpenedAt, s.UpdatedAt, s.Version))
            .ToListAsync(ct);
}

/// <summary>Relief handed out: what, how much, by whom, where, to how many households.</summary>
public sealed record DistributionDto(
    Guid Id,
    Guid IncidentId,
    Guid OrganisationId,
    string OrganisationName,
    Guid ResourceId,
    string Type,
    string TypeName,
    string Unit,
    decimal Quantity,
    Guid? ShelterId,
    string PlaceName,
    double Latitude,
    double Longitude,
    int Households,
    string Notes,
    DateTimeOffset DistributedAt)
{
    public static async Task<IReadOnlyList<DistributionDto>> LoadAsync(AppDbContext db, Guid incidentId, Guid? id, CancellationToken ct) =>
        await (
                from d in db.ReliefDistributions.AsNoTracking()
                join t in db.ResourceTypes on d.ResourceTypeId equals t.Id
                join o in db.Organisations on d.OrganisationId equals o.Id
                where d.IncidentId == incidentId && (id == null || d.Id == id)
                orderby d.DistributedAt descending, d.Id
                select new DistributionDto(
                    d.Id, d.IncidentId, d.OrganisationId, o.Name, d.ResourceId, t.Code, t.Name, t.Unit, d.Quantity, d.ShelterId,
                    d.PlaceName, d.Latitude, d.Longitude, d.Households, d.Notes, d.DistributedAt))
            .ToListAsync(ct);
}
