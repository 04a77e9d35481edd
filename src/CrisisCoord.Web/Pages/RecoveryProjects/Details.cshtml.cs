using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.RecoveryProjects;

/// <summary>One recovery project: its owner, budget, the objective it feeds and its milestones, each one click from done.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    public RecoveryProjectDto Project { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Project = await sender.Send(new GetRecoveryProjectQuery(id), ct);

    public async Task<IActionResult> OnPostMarkAsync(Guid id, Guid milestone, bool done, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            var project = await sender.Send(new MarkMilestoneCommand { ProjectId = id, MilestoneId = milestone, Done = done }, ct);
            return Texts.Format(done ? "Recovery.Project.MarkedDone" : "Recovery.Project.MarkedNotDone", project.Percent);
        });
        return Redirect($"/RecoveryProjects/{id}#milestone-{milestone}");
    }
}
