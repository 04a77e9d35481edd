using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>Close this incident as a duplicate of another, chosen among the open ones.</summary>
[FormPage]
public sealed class MergeModel(ISender sender) : IncidentChangePageModel<MergeIncidentCommand>(sender)
{
    public IReadOnlyList<IncidentDto> Candidates { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Candidates = [.. (await Sender.Send(new ListIncidentsQuery { Limit = ListIncidentsQuery.MaxLimit }, ct)).Items
            .Where(i => i.Id != Incident.Id && i.State.IsOpen())];

    protected override MergeIncidentCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Version = incident.Version };

    protected override MergeIncidentCommand For(MergeIncidentCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(IncidentDto incident) =>
        Texts.Format("Incidents.Merge.Done", Candidates.FirstOrDefault(c => c.Id == incident.MergedIntoIncidentId)?.Title ?? Texts.Get("Incidents.Merge.TheOther"));

    protected override IActionResult After(IncidentDto result, Guid id) => RedirectToPage("/Incidents/Details", new { id = result.MergedIntoIncidentId ?? id });
}
