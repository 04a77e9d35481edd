namespace CrisisCoord.Domain.Warnings;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct LatLon(double Latitude, double Longitude);

/// <summary>A circle on the ground: its centre and its radius in kilometres.</summary>
public sealed record GeoCircle(double Latitude, double Longitude, double RadiusKm);

/// <summary>
/// Great-circle geometry for warning areas, kept small and public: "does this area touch that circle?" is
/// what the public feed's area filter asks, and what notifications for an organisation's area will ask.
/// </summary>
public static class GeoMath
{
    /// <summary>The mean Earth radius (IUGG), in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle (haversine) distance between two points, in kilometres.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var φ1 = Radians(latitude1);
        var φ2 = Radians(latitude2);
        var dφ = φ2 - φ1;
        var dλ = Radians(longitude2 - longitude1);
        var h = (Math.Sin(dφ / 2) * Math.Sin(dφ / 2)) + (Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(dλ / 2) * Math.Sin(dλ / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Whether two circles overlap or touch.</summary>
    public static bool Touches(GeoCircle area, GeoCircle circle) =>
        DistanceKm(area.Latitude, area.Longitude, circle.Latitude, circle.Longitude) <= area.RadiusKm + circle.RadiusKm;

    /// <summary>
    /// Whether a closed polygon overlaps or touches a circle: the circle's centre lies inside the polygon, or
    /// some edge passes within the radius. Edges are measured in a local flat projection around the circle's
    /// centre, which is accurate to well under a percent for the few hundred kilometres a warning covers.
    /// </summary>
    public static bool Touches(IReadOnlyList<LatLon> polygon, GeoCircle circle)
    {
        if (polygon.Count == 0)
        {
            return false;
        }

        var points = polygon.Select(p => Project(p, circle)).ToList();
        if (Contains(points))
        {
            return true;
        }

        for (var i = 0; i < points.Count; i++)
        {
            var a = points[i];
            var b = points[(i + 1) % points.Count];
            if (DistanceToSegment(a, b) <= circle.RadiusKm)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The point in kilometres east and north of the circle's centre (longitudes taken the short way round).</summary>
    private static (double X, double Y) Project(LatLon point, GeoCircle centre)
    {
        var dλ = point.Longitude - centre.Longitude;
        dλ = dλ > 180 ? dλ - 360 : dλ < -180 ? dλ + 360 : dλ;
        var kmPerDegree = Radians(1) * EarthRadiusKm;
        return (dλ * kmPerDegree * Math.Cos(Radians(centre.Latitude)), (point.Latitude - centre.Latitude) * kmPerDegree);
    }

    /// <summary>Even-odd ray casting from the origin (the circle's centre) along +X.</summary>
    private static bool Contains(List<(double X, double Y)> points)
    {
        var inside = false;
        for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
        {
            var (xi, yi) = points[i];
            var (xj, yj) = points[j];
            if ((yi > 0) != (yj > 0) && 0 < ((xj - xi) * (0 - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>The distance from the origin to the segment a–b.</summary>
    private static double DistanceToSegment((double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((0 - a.X) * dx + ((0 - a.Y) * dy)) / lengthSquared, 0, 1);
        var (x, y) = (a.X + (t * dx), a.Y + (t * dy));
        return Math.Sqrt((x * x) + (y * y));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
