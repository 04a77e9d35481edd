using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Organisations;

/// <summary>
/// The circle an organisation serves: a centre (WGS84 decimal degrees) and a radius in kilometres. Optional; warnings
/// use it to find the organisations whose area a warning falls in.
/// </summary>
public sealed record ServiceArea(double Latitude, double Longitude, double RadiusKm)
{
    public const double MinRadiusKm = 0.1;
    public const double MaxRadiusKm = 2000;

    private const double EarthRadiusKm = 6371.0088;

    public static bool IsValidRadius(double radiusKm) => double.IsFinite(radiusKm) && radiusKm is >= MinRadiusKm and <= MaxRadiusKm;

    /// <summary>Whether a point lies within the circle (great-circle distance).</summary>
    public bool Contains(double latitude, double longitude) => DistanceKm(Latitude, Longitude, latitude, longitude) <= RadiusKm;

    /// <summary>Haversine distance: exact enough for areas of a few hundred kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static ServiceArea Of(double latitude, double longitude, double radiusKm) =>
        GeoPoint.IsValidLatitude(latitude) && GeoPoint.IsValidLongitude(longitude) && IsValidRadius(radiusKm)
            ? new ServiceArea(latitude, longitude, radiusKm)
            : throw new ArgumentException("A service area needs a latitude (-90 to 90), a longitude (-180 to 180) and a radius of 0.1 to 2000 km.");
}
