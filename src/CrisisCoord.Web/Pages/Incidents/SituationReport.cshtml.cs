using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class SituationReportModel(ISender sender) : IncidentChangePageModel<SubmitSituationReportCommand, SituationReportDto>(sender)
{
    protected override SubmitSituationReportCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override SubmitSituationReportCommand For(SubmitSituationReportCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(SituationReportDto report) => Texts.Format("Incidents.SituationReport.Done", report.OrganisationName);
}
