using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>Link this incident to a related one (it caused it, or they are related otherwise).</summary>
[FormPage]
public sealed class LinkModel(ISender sender) : IncidentChangePageModel<LinkIncidentsCommand, IncidentLinkDto>(sender)
{
    public IReadOnlyList<IncidentDto> Candidates { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Candidates = [.. (await Sender.Send(new ListIncidentsQuery { Limit = ListIncidentsQuery.MaxLimit }, ct)).Items.Where(i => i.Id != Incident.Id)];

    protected override LinkIncidentsCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override LinkIncidentsCommand For(LinkIncidentsCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentLinkDto link) => Texts.Format("Incidents.Link.Done", DetailsModel.Reads(link), link.OtherTitle);
}
