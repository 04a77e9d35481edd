using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
}
