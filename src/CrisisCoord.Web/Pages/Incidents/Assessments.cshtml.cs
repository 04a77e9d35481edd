using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>An incident's damage and needs assessments, their totals per area and overall, each one click from a request or a task.</summary>
public sealed class AssessmentsModel(ISender sender) : PageModel
{
    public AssessmentsView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sender.Send(new ListDamageAssessmentsQuery(id), ct);

    public async Task<IActionResult> OnPostTaskAsync(Guid id, Guid assessment, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            await sender.Send(new TurnAssessmentIntoTaskCommand { IncidentId = id, AssessmentId = assessment }, ct);
            return Texts.Get("Recovery.Assessments.TaskDone");
        });
        return Redirect($"/Incidents/{id}/Assessments#assessment-{assessment}");
    }

    public async Task<IActionResult> OnPostRequestAsync(Guid id, Guid need, CancellationToken ct)
    {
        var assessment = Guid.Empty;
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            assessment = (await sender.Send(new TurnNeedIntoRequestCommand { IncidentId = id, NeedId = need }, ct)).Id;
            return Texts.Get("Recovery.Assessments.RequestDone");
        });
        return Redirect(assessment == Guid.Empty ? $"/Incidents/{id}/Assessments" : $"/Incidents/{id}/Assessments#assessment-{assessment}");
    }
}
