using System.Globalization;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Application.Features.Dashboard;

/// <summary>
/// The open incidents in one view of the map, gathered by the database into the squares of a grid fitted to the zoom
/// level (<see cref="MapGrid.CellPixels"/> screen pixels a side): a square holding one incident is that incident's
/// marker, one holding more is a cluster with its count, centre, extent and gravest grade. Only incidents the reader
/// may see are counted, by the incident list's own rule. A west edge greater than the east edge is a view across the
/// antimeridian, as in a GeoJSON bounding box (RFC 7946 §5.2); the whole world is west -180, east 180 (ADR 0028).
/// </summary>
[Performs(Act.ViewDirectory)]
public sealed record GetIncidentMapQuery : IQuery<IncidentMapDto>
{
    /// <summary>The closest zoom the map offers (street level).</summary>
    public const int MaxZoom = 18;

    /// <summary>The largest view answered, in screen pixels each way: a wall display, with room to spare.</summary>
    public const int MaxViewPixels = 4096;

    /// <summary>The view's western edge, in degrees of longitude (-180 to 180).</summary>
    public double? West { get; init; }

    /// <summary>The view's southern edge, in degrees of latitude (-90 to 90).</summary>
    public double? South { get; init; }

    /// <summary>The view's eastern edge, in degrees of longitude (-180 to 180); less than west across the antimeridian.</summary>
    public double? East { get; init; }

    /// <summary>The view's northern edge, in degrees of latitude (-90 to 90), not south of the southern edge.</summary>
    public double? North { get; init; }

    /// <summary>The map's zoom level: 0 shows the whole world in 256 pixels, each level doubles it, up to 18.</summary>
    public int? Zoom { get; init; }
}

/// <param name="Zoom">The zoom level the squares are fitted to.</param>
/// <param name="Incidents">How many open incidents the view holds (the clusters' counts added up).</param>
/// <param name="Clusters">One per square that holds any, the gravest drawn last.</param>
public sealed record IncidentMapDto(int Zoom, int Incidents, IReadOnlyList<MapClusterDto> Clusters);

/// <param name="Count">How many open incidents the square holds.</param>
/// <param name="Latitude">The centre of its incidents; the incident's own place when it holds one.</param>
/// <param name="Longitude">The centre of its incidents; the incident's own place when it holds one.</param>
/// <param name="Severity">The gravest grade among them.</param>
/// <param name="Escalations">How many of them need a lead of higher level.</param>
public sealed record MapClusterDto(int Count, double Latitude, double Longitude, Severity Severity, int Escalations)
{
    /// <summary>Where its incidents lie, when it holds more than one: zooming to it splits the cluster.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MapBoundsDto? Bounds { get; init; }

    /// <summary>The incident's public summary, when the square holds exactly one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MapIncidentDto? Incident { get; init; }
}

/// <summary>A box on the map, in degrees.</summary>
public sealed record MapBoundsDto(double West, double South, double East, double North);

/// <param name="Id">The incident.</param>
/// <param name="Title">Its title, as its reporter wrote it.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="PlaceName">Where it is, in words.</param>
/// <param name="AwaitingGrade">A report no verifier has graded yet: drawn without a grade's colour (it ranks as IV meanwhile).</param>
public sealed record MapIncidentDto(Guid Id, string Title, IncidentState State, string PlaceName, bool AwaitingGrade);

/// <summary>
/// Web Mercator as the map draws it (Leaflet's default): the world is 256 × 2^zoom pixels square, and the clusters
/// are the squares of a grid over it.
/// </summary>
public static class MapGrid
{
    /// <summary>A cluster's square, in screen pixels: about a marker and its margin, so markers rarely overlap.</summary>
    public const int CellPixels = 64;

    /// <summary>Web Mercator stops short of the poles; a place beyond is drawn at this edge.</summary>
    public const double MaxLatitude = 85.0511287798;

    public static double WorldPixels(int zoom) => 256d * Math.Pow(2, zoom);

    /// <summary>How many squares cross the world at this zoom, each way.</summary>
    public static double Cells(int zoom) => WorldPixels(zoom) / CellPixels;

    /// <summary>A latitude's distance down the map, from 0 at the top edge to 1 at the bottom.</summary>
    public static double Y(double latitude)
    {
        var radians = Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        return (1 - (Math.Log(Math.Tan((Math.PI / 4) + (radians / 2))) / Math.PI)) / 2;
    }

    /// <summary>The box's size on screen at this zoom, in pixels.</summary>
    public static (double Width, double Height) Pixels(double west, double south, double east, double north, int zoom)
    {
        var degrees = west <= east ? east - west : east - west + 360;
        return (degrees / 360 * WorldPixels(zoom), (Y(south) - Y(north)) * WorldPixels(zoom));
    }
}

public sealed class GetIncidentMapQueryValidator : AbstractValidator<GetIncidentMapQuery>
{
    public GetIncidentMapQueryValidator()
    {
        Longitude(x => x.West, "west");
        Latitude(x => x.South, "south");
        Longitude(x => x.East, "east");
        Latitude(x => x.North, "north");
        RuleFor(x => x.North)
            .Must((query, north) => north >= query.South)
            .When(x => x.North is { } n && GeoPoint.IsValidLatitude(n) && x.South is { } s && GeoPoint.IsValidLatitude(s))
            .WithMessage(x => Texts.Format("Validation.Dashboard.NorthEdgeSouthSouth", x.North, x.South));
        RuleFor(x => x.Zoom)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Dashboard.GiveMapSZoom"))
            .InclusiveBetween(0, GetIncidentMapQuery.MaxZoom)
            .WithMessage(x => Texts.Format("Validation.Dashboard.ZoomLevelBetween0", GetIncidentMapQuery.MaxZoom, x.Zoom));
        RuleFor(x => x.Zoom)
            .Must((query, zoom) => Fits(query, zoom!.Value))
            .When(x => x.Zoom is >= 0 and <= GetIncidentMapQuery.MaxZoom && Valid(x))
            .WithMessage(x => Texts.Format("Validation.Dashboard.ZoomBoxPixelsView", x.Zoom, Size(x), GetIncidentMapQuery.MaxViewPixels));
    }

    private void Longitude(System.Linq.Expressions.Expression<Func<GetIncidentMapQuery, double?>> edge, string name) =>
        RuleFor(edge)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Dashboard.GiveViewSEdge", EdgeName(name), name))
            .Must(v => v is null || GeoPoint.IsValidLongitude(v.Value))
            .WithMessage((_, v) => Texts.Format("Validation.Dashboard.EdgeLongitudeBetween180", EdgeName(name), v));

    private void Latitude(System.Linq.Expressions.Expression<Func<GetIncidentMapQuery, double?>> edge, string name) =>
        RuleFor(edge)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Dashboard.GiveViewSEdge2", EdgeName(name), name))
            .Must(v => v is null || GeoPoint.IsValidLatitude(v.Value))
            .WithMessage((_, v) => Texts.Format("Validation.Dashboard.EdgeLatitudeBetween90", EdgeName(name), v));

    /// <summary>An edge in words ("west"); its query parameter keeps the code.</summary>
    private static string EdgeName(string name) => Texts.Get("Validation.Dashboard.Edge." + name);

    private static bool Valid(GetIncidentMapQuery x) =>
        x is { West: { } w, South: { } s, East: { } e, North: { } n }
        && GeoPoint.IsValidLongitude(w) && GeoPoint.IsValidLongitude(e) && GeoPoint.IsValidLatitude(s) && GeoPoint.IsValidLatitude(n) && n >= s;

    private static bool Fits(GetIncidentMapQuery x, int zoom)
    {
        var (width, height) = MapGrid.Pixels(x.West!.Value, x.South!.Value, x.East!.Value, x.North!.Value, zoom);
        return width <= GetIncidentMapQuery.MaxViewPixels && height <= GetIncidentMapQuery.MaxViewPixels;
    }

    private static string Size(GetIncidentMapQuery x)
    {
        var (width, height) = MapGrid.Pixels(x.West!.Value, x.South!.Value, x.East!.Value, x.North!.Value, x.Zoom!.Value);
        return Text($"{width:0} × {height:0}");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

public sealed class GetIncidentMapQueryHandler(AppDbContext db, AccessPolicy access, AccessRules rules)
    : IQueryHandler<GetIncidentMapQuery, IncidentMapDto>
{
    public async ValueTask<IncidentMapDto> Handle(GetIncidentMapQuery query, CancellationToken cancellationToken)
    {
        var (west, south, east, north, zoom) = (query.West!.Value, query.South!.Value, query.East!.Value, query.North!.Value, query.Zoom!.Value);
        var cells = MapGrid.Cells(zoom);
        const double Edge = MapGrid.MaxLatitude;

        var incidents = rules.IncidentsShown(db.Incidents.AsNoTracking(), db.IncidentParticipants, db.IncidentReports, await access.ReaderAsync(cancellationToken))
            .Where(i => IncidentStateMachine.OpenStates.Contains(i.State) && i.Latitude >= south && i.Latitude <= north);
        incidents = west <= east
            ? incidents.Where(i => i.Longitude >= west && i.Longitude <= east)
            : incidents.Where(i => i.Longitude >= west || i.Longitude <= east);

        // The grid square of each incident is MapGrid.Y and its x twin, written here in SQL's terms: PostgreSQL
        // groups the rows, and only one row per square crosses the network.
        var squares = await incidents
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.State,
                i.PlaceName,
                i.Latitude,
                i.Longitude,
                i.EscalationRequired,
                Awaiting = i.AwaitingGrade ? 1 : 0,
                Grade = i.Severity == Severity.I ? 1 : i.Severity == Severity.II ? 2 : i.Severity == Severity.III ? 3 : 4,
                X = Math.Floor((i.Longitude + 180) / 360 * cells),
                Y = Math.Floor((1 - (Math.Log(Math.Tan((Math.PI / 4) + (Math.Max(-Edge, Math.Min(Edge, i.Latitude)) * Math.PI / 360))) / Math.PI)) / 2 * cells),
            })
            .GroupBy(i => new { i.X, i.Y })
            .Select(g => new
            {
                Count = g.Count(),
                Latitude = g.Average(i => i.Latitude),
                Longitude = g.Average(i => i.Longitude),
                South = g.Min(i => i.Latitude),
                North = g.Max(i => i.Latitude),
                West = g.Min(i => i.Longitude),
                East = g.Max(i => i.Longitude),
                Grade = g.Min(i => i.Grade),
                Escalations = g.Count(i => i.EscalationRequired),
                // For a square of one incident, the greatest of each is that incident's own value.
                Id = g.Max(i => i.Id.ToString()),
                Title = g.Max(i => i.Title),
                State = g.Max(i => i.State.ToString()),
                PlaceName = g.Max(i => i.PlaceName),
                Awaiting = g.Max(i => i.Awaiting),
            })
            .ToListAsync(cancellationToken);

        var clusters = squares
            // Then by place: squares of one grade and size came in whatever order PostgreSQL grouped them, so two
            // reads of the same map could differ.
            .OrderByDescending(s => s.Grade).ThenBy(s => s.Count).ThenBy(s => s.Latitude).ThenBy(s => s.Longitude).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new MapClusterDto(s.Count, Round(s.Latitude), Round(s.Longitude), (Severity)s.Grade, s.Escalations)
            {
                Bounds = s.Count > 1 ? new MapBoundsDto(Round(s.West), Round(s.South), Round(s.East), Round(s.North)) : null,
                Incident = s.Count == 1 ? new MapIncidentDto(Guid.Parse(s.Id!), s.Title!, Enum.Parse<IncidentState>(s.State!), s.PlaceName!, s.Awaiting == 1) : null,
            })
            .ToList();
        return new IncidentMapDto(zoom, clusters.Sum(c => c.Count), clusters);
    }

    /// <summary>Five decimals of a degree is about a metre: finer is noise on a map, and bytes on the wire.</summary>
    private static double Round(double degrees) => Math.Round(degrees, 5);
}
