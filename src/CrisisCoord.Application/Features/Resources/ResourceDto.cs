using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Resources;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>A registered resource as the API and pages show it, with its holder and type spelled out.</summary>
public sealed record ResourceDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind OrganisationKind,
    string Type,
    string TypeName,
    string Unit,
    decimal Quantity,
    string PlaceName,
    double Latitude,
    double Longitude,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableUntil,
    string Notes,
    DateTimeOffset LastConfirmedAt,
    uint Version,
    double? DistanceKm = null);

public static class ResourceQueries
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Resources joined to their organisation and type: the one shape every resource read starts from.</summary>
    public static IQueryable<ResourceRow> Rows(this AppDbContext db) =>
        from r in db.Resources
        join o in db.Organisations on r.OrganisationId equals o.Id
        join t in db.ResourceTypes on r.ResourceTypeId equals t.Id
        select new ResourceRow
        {
            Resource = r,
            OrganisationName = o.Name,
            OrganisationKind = o.Kind,
            TypeCode = t.Code,
            TypeName = t.Name,
            Unit = t.Unit,
        };

    public static ResourceDto ToDto(this ResourceRow row, double? distanceKm = null) => new(
        row.Resource.Id,
        row.Resource.OrganisationId,
        row.OrganisationName,
        row.OrganisationKind,
        row.TypeCode,
        row.TypeName,
        row.Unit,
        row.Resource.Quantity,
        row.Resource.PlaceName,
        row.Resource.Latitude,
        row.Resource.Longitude,
        row.Resource.AvailableFrom,
        row.Resource.AvailableUntil,
        row.Resource.Notes,
        row.Resource.LastConfirmedAt,
        row.Resource.Version,
        distanceKm);
}

/// <summary>A class with settable members, not a positional record: EF can filter and sort through member-init projections.</summary>
public sealed class ResourceRow
{
    public required Resource Resource { get; init; }

    public required string OrganisationName { get; init; }

    public required OrganisationKind OrganisationKind { get; init; }

    public required string TypeCode { get; init; }

    public required string TypeName { get; init; }

    public required string Unit { get; init; }
}
