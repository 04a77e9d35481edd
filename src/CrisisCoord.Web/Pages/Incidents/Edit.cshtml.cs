using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>Correct an incident's description, place and area, with the reason.</summary>
[FormPage]
public sealed class EditModel(ISender sender, IOptions<MapOptions> map) : IncidentChangePageModel<EditIncidentCommand>(sender)
{
    public object MapData => new { tileUrl = map.Value.TileUrl, attribution = map.Value.TileAttribution, lat = Incident.Latitude, lon = Incident.Longitude };

    protected override EditIncidentCommand Blank(IncidentDto incident) => new()
    {
        IncidentId = incident.Id,
        Version = incident.Version,
        Description = incident.Description,
        PlaceName = incident.PlaceName,
        Latitude = incident.Latitude,
        Longitude = incident.Longitude,
        Area = incident.Area,
    };

    protected override EditIncidentCommand For(EditIncidentCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentDto incident) => Texts.Get("Incidents.Edit.Done");
}
