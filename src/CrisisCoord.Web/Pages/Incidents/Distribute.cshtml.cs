using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The form relief handed out is recorded with: one of your resources, how much, where and to how many households.</summary>
[FormPage]
public sealed class DistributeModel(ISender sender) : IncidentChangePageModel<DistributeReliefCommand, DistributionDto>(sender)
{
    public SheltersView Choices { get; private set; } = null!;

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Choices = await Sender.Send(new ListSheltersQuery(Incident.Id), ct);

    protected override DistributeReliefCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Latitude = incident.Latitude, Longitude = incident.Longitude };

    protected override DistributeReliefCommand For(DistributeReliefCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(DistributionDto d) => Texts.Format("Recovery.Distribute.Done", d.Quantity, d.Unit, d.TypeName, d.Households);

    protected override IActionResult After(DistributionDto d, Guid id) => Redirect($"/Incidents/{id}/Shelters#distribution-{d.Id}");
}
