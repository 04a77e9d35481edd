namespace CrisisCoord.Domain.Common;

/// <summary>A WGS84 position in decimal degrees.</summary>
public static class GeoPoint
{
    public const double MinLatitude = -90;
    public const double MaxLatitude = 90;
    public const double MinLongitude = -180;
    public const double MaxLongitude = 180;

    public static bool IsValidLatitude(double latitude) =>
        double.IsFinite(latitude) && latitude is >= MinLatitude and <= MaxLatitude;

    public static bool IsValidLongitude(double longitude) =>
        double.IsFinite(longitude) && longitude is >= MinLongitude and <= MaxLongitude;
}
