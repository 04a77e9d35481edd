using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class LogModel(ISender sender) : IncidentChangePageModel<PostLogEntryCommand, LogEntryDto>(sender)
{
    protected override PostLogEntryCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override PostLogEntryCommand For(PostLogEntryCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(LogEntryDto entry) => Texts.Get("Incidents.Log.Done");
}
