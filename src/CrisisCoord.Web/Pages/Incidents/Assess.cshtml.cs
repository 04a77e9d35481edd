using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The damage and needs assessment form for one place: counts, lifelines and what is needed there.</summary>
[FormPage]
public sealed class AssessModel(ISender sender) : IncidentChangePageModel<RecordDamageAssessmentCommand, AssessmentDto>(sender)
{
    /// <summary>Spare need rows the form offers; empty ones are left out.</summary>
    public const int NeedRows = 5;

    public IReadOnlyList<ResourceTypeDto> Types { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Types = await Sender.Send(new ListResourceTypesQuery(), ct);

    protected override RecordDamageAssessmentCommand Blank(IncidentDto incident) => new()
    {
        IncidentId = incident.Id,
        Latitude = incident.Latitude,
        Longitude = incident.Longitude,
        Needs = [.. Enumerable.Range(0, NeedRows).Select(_ => new AssessmentNeedInput())],
    };

    protected override RecordDamageAssessmentCommand For(RecordDamageAssessmentCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(AssessmentDto assessment) => Texts.Format("Recovery.Assess.Done", assessment.PlaceName);

    protected override IActionResult After(AssessmentDto assessment, Guid id) => Redirect($"/Incidents/{id}/Assessments#assessment-{assessment.Id}");
}
