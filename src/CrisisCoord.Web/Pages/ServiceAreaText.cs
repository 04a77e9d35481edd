using System.Globalization;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Web.Pages;

/// <summary>An organisation's service area as a page shows it.</summary>
public static class ServiceAreaText
{
    public static string Of(ServiceArea area) =>
        string.Create(CultureInfo.InvariantCulture, $"Within {area.RadiusKm:0.#} km of {Display.Coordinates(area.Latitude, area.Longitude)}");
}
