using System.Globalization;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Web.Pages;

/// <summary>An organisation's service area as a page shows it.</summary>
public static class ServiceAreaText
{
    public static string Of(ServiceArea area) =>
        Texts.Format("Organisations.ServiceArea", area.RadiusKm.ToString("0.#", CultureInfo.CurrentCulture), Display.Coordinates(area.Latitude, area.Longitude));
}
