using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>An organisation offers resources to the incident without being asked.</summary>
[FormPage]
public sealed class OfferModel(ISender sender, ICurrentUser user) : IncidentChangePageModel<OfferResourcesCommand, OfferDto>(sender)
{
    public IReadOnlyList<ResourceDto> MyResources { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        MyResources = user.OrganisationId is { } mine
            ? [.. (await Sender.Send(new ListResourcesQuery { OrganisationId = mine, Limit = ListResourcesQuery.MaxLimit }, ct)).Where(r => r.Available > 0)]
            : [];

    protected override OfferResourcesCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override OfferResourcesCommand For(OfferResourcesCommand input, Guid id) => input with { IncidentId = id, Answer = null };

    protected override string Done(OfferDto offer) => Texts.Format("Incidents.Offer.Done", Display.Quantity(offer.Quantity));
}
