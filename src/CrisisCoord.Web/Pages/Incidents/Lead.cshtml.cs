using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class LeadModel(ISender sender, GradedResponse rules) : IncidentChangePageModel<SetIncidentLeadCommand>(sender)
{
    public IReadOnlyList<OrganisationSummaryDto> Governments { get; private set; } = [];

    public GradedResponse Rules { get; } = rules;

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Governments = [.. (await Sender.Send(new ListOrganisationsQuery { Kind = "Government" }, ct)).Items.OrderByDescending(o => o.Level).ThenBy(o => o.Name)];

    protected override SetIncidentLeadCommand Blank(IncidentDto incident) =>
        new() { IncidentId = incident.Id, Version = incident.Version, OrganisationId = incident.LeadOrganisationId };

    protected override SetIncidentLeadCommand For(SetIncidentLeadCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentDto incident) =>
        Texts.Format("Incidents.Lead.Done", Governments.FirstOrDefault(o => o.Id == incident.LeadOrganisationId)?.Name ?? Texts.Get("Incidents.Lead.TheOrganisation"));
}
