using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Warnings;

/// <summary>
/// The warnings in force, for everyone, no account needed: a map of their areas and what to do, in plain words.
/// Output-cached for anonymous readers (<see cref="WarningsSetup"/>) and dropped as soon as a warning changes.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = WarningsSetup.PublicPolicy)]
public sealed class PublicModel(ISender sender, IOptions<MapOptions> map) : PageModel
{
    public PublicWarnings Warnings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Warnings = await sender.Send(new ListPublicWarningsQuery(), ct);

    /// <summary>What the map script draws: each warning's areas, coloured by severity.</summary>
    public object MapData => new
    {
        tileUrl = map.Value.TileUrl,
        attribution = map.Value.TileAttribution,
        warnings = Warnings.Warnings.Select(w => new
        {
            id = w.Id.ToString("N"),
            headline = w.Headline,
            severity = w.Grade.ToString(),
            severityText = w.Severity,
            areas = w.Areas.Select(a => new
            {
                description = a.Description,
                circle = a.Circle is { } c ? new { lat = c.Latitude, lon = c.Longitude, radiusKm = c.RadiusKm } : null,
                polygon = a.Polygon?.Select(p => new[] { p.Latitude, p.Longitude }),
            }),
        }),
    };
}
