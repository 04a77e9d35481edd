using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>A coordinator asks for resources on the incident; delivery defaults to the incident's place.</summary>
[FormPage]
public sealed class NewRequestModel(ISender sender) : IncidentChangePageModel<RaiseResourceRequestCommand, ResourceRequestDto>(sender)
{
    public IReadOnlyList<ResourceTypeDto> Types { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Types = await Sender.Send(new ListResourceTypesQuery(), ct);

    protected override RaiseResourceRequestCommand Blank(IncidentDto incident) => new()
    {
        IncidentId = incident.Id,
        Priority = TaskPriority.High,
        DeliveryPlace = incident.PlaceName,
        DeliveryLatitude = incident.Latitude,
        DeliveryLongitude = incident.Longitude,
    };

    protected override RaiseResourceRequestCommand For(RaiseResourceRequestCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ResourceRequestDto request) =>
        Texts.Format("Incidents.NewRequest.Done", Display.Need(request.Quantity, request.Unit, request.TypeName));

    protected override IActionResult After(ResourceRequestDto request, Guid id) => RedirectToPage("/Requests/Details", new { id = request.Id });
}
