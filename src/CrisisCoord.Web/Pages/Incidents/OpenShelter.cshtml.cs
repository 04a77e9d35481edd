using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The form an organisation taking part opens a shelter it runs with.</summary>
[FormPage]
public sealed class OpenShelterModel(ISender sender) : IncidentChangePageModel<OpenShelterCommand, ShelterDto>(sender)
{
    protected override OpenShelterCommand Blank(IncidentDto incident) => new()
    {
        IncidentId = incident.Id,
        Latitude = incident.Latitude,
        Longitude = incident.Longitude,
        Occupancy = 0,
    };

    protected override OpenShelterCommand For(OpenShelterCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ShelterDto shelter) => Texts.Format("Recovery.OpenShelter.Done", shelter.Name, shelter.Occupancy, shelter.Capacity);

    protected override IActionResult After(ShelterDto shelter, Guid id) => Redirect($"/Incidents/{id}/Shelters#shelter-{shelter.Id}");
}
