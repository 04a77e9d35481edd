using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
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
    decimal Committed,
    string PlaceName,
    double Latitude,
    double Longitude,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableUntil,
    string Notes,
    DateTimeOffset LastConfirmedAt,
    uint Version,
    double? DistanceKm = null)
{
    /// <summary>What is left to offer and commit.</summary>
    public decimal Available => Quantity - Committed;

    /// <summary>What the reader may do to the resource; on a read of the one resource.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }
}

/// <summary>A resource row and its great-circle distance from a point, as the database computed it.</summary>
public sealed class ResourceRowWithDistance
{
    public ResourceRow Row { get; init; } = null!;

    public double DistanceKm { get; init; }
}

public static class ResourceQueries
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine, translated to SQL so the database filters and orders by distance.</summary>
    public static IQueryable<ResourceRowWithDistance> WithDistanceFrom(this IQueryable<ResourceRow> rows, double latitude, double longitude)
    {
        var latRad = latitude * Math.PI / 180;
        var lonRad = longitude * Math.PI / 180;
        return rows.Select(x => new ResourceRowWithDistance
        {
            Row = x,
            DistanceKm = 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(
                Math.Pow(Math.Sin(((x.Resource.Latitude * Math.PI / 180) - latRad) / 2), 2)
                + (Math.Cos(latRad) * Math.Cos(x.Resource.Latitude * Math.PI / 180)
                    * Math.Pow(Math.Sin(((x.Resource.Longitude * Math.PI / 180) - lonRad) / 2), 2)))),
        });
    }

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
        row.Resource.Committed,
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
