using System.Globalization;

namespace CrisisCoord.Domain.Warnings;

/// <summary>
/// One area a warning covers: a description people recognise, and either a circle or a closed polygon
/// (CAP's <c>area</c> with one <c>circle</c> or one <c>polygon</c>).
/// </summary>
public sealed record WarningArea(string Description, GeoCircle? Circle, IReadOnlyList<LatLon>? Polygon)
{
    public const int DescriptionMaxLength = 200;
    public const double MaxRadiusKm = 1000;
    public const int MinPolygonPoints = 4;
    public const int MaxPolygonPoints = 500;

    /// <summary>Whether this area overlaps or touches the circle around (latitude, longitude) of radiusKm.</summary>
    public bool Touches(double latitude, double longitude, double radiusKm)
    {
        var circle = new GeoCircle(latitude, longitude, radiusKm);
        return Circle is { } mine ? GeoMath.Touches(mine, circle) : Polygon is { } polygon && GeoMath.Touches(polygon, circle);
    }

    /// <summary>CAP's <c>circle</c>: <c>lat,lon radius</c> (kilometres).</summary>
    public string? CapCircle => Circle is { } c ? $"{Number(c.Latitude)},{Number(c.Longitude)} {Number(c.RadiusKm)}" : null;

    /// <summary>CAP's <c>polygon</c>: <c>lat,lon lat,lon …</c>, the first pair repeated last.</summary>
    public string? CapPolygon => Polygon is { } p ? FormatPolygon(p) : null;

    /// <summary>Points in CAP's polygon form, the form <see cref="ParsePolygon"/> reads.</summary>
    public static string FormatPolygon(IReadOnlyList<LatLon> points) => string.Join(' ', points.Select(x => $"{Number(x.Latitude)},{Number(x.Longitude)}"));

    /// <summary>
    /// Reads <c>lat,lon lat,lon …</c> (the CAP form, also what the map page writes); null with the reason
    /// when it is not a closed polygon of valid points.
    /// </summary>
    public static (IReadOnlyList<LatLon>? Points, string? Problem) ParsePolygon(string text)
    {
        var pairs = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var points = new List<LatLon>();
        for (var i = 0; i < pairs.Length; i++)
        {
            var parts = pairs[i].Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                return (null, $"point {i + 1} ('{Shorten(pairs[i])}') is not 'latitude,longitude' in decimal degrees");
            }

            if (!Common.GeoPoint.IsValidLatitude(lat) || !Common.GeoPoint.IsValidLongitude(lon))
            {
                return (null, $"point {i + 1} ({pairs[i]}) is outside -90..90 latitude or -180..180 longitude");
            }

            points.Add(new LatLon(lat, lon));
        }

        if (points.Count < MinPolygonPoints)
        {
            return (null, $"a polygon needs at least {MinPolygonPoints} points, the first repeated as the last (it has {points.Count})");
        }

        if (points.Count > MaxPolygonPoints)
        {
            return (null, $"a polygon may have at most {MaxPolygonPoints} points (it has {points.Count})");
        }

        if (points[0] != points[^1])
        {
            return (null, "a polygon must be closed: repeat the first point as the last");
        }

        return points.Distinct().Count() < 3
            ? (null, "a polygon needs at least three different points")
            : (points, null);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // Six decimals is about 10 cm: more than any warning needs, and no exponent notation ever.
    private static string Number(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
