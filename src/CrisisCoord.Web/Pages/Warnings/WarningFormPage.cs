using System.Globalization;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrisisCoord.Web.Pages.Warnings;

/// <summary>What the warning form offers besides the warning itself: the organisations a restricted one may name, and the map.</summary>
public static class WarningFormPage
{
    public static async Task LoadChoicesAsync(PageModel page, ISender sender, CancellationToken ct) =>
        page.ViewData["Organisations"] = (await sender.Send(new ListOrganisationsQuery(), ct)).Items;

    /// <summary>What the drawing script reads: the map background and where to centre it (the incident).</summary>
    public static object MapData(MapOptions map, double latitude, double longitude) => new
    {
        tileUrl = map.TileUrl,
        attribution = map.TileAttribution,
        lat = latitude,
        lon = longitude,
    };

    /// <summary>
    /// An enum's values as options named in the reader's language; each value is the number, as
    /// <c>Html.GetEnumSelectList</c> gives it, so what the form posts is unchanged.
    /// </summary>
    public static IEnumerable<SelectListItem> Choices<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(Texts.Name(v), Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));

    /// <summary>A CAP severity word ("Severe") for the reader; the CAP document itself keeps the code.</summary>
    public static string CapSeverity(string severity) =>
        Texts.Resources.GetString($"Warnings.CapSeverity.{severity}", CultureInfo.CurrentUICulture) ?? severity;
}
