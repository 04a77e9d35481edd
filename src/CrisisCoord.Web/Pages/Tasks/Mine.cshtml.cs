using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Tasks;

/// <summary>The tasks given to the reader's organisation, in every incident, unfinished first.</summary>
public sealed class MineModel(ISender sender) : PageModel
{
    public IReadOnlyList<TaskCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tasks = await sender.Send(new ListMyTasksQuery(), ct);
        // Assigning needs the incident's participants to choose from: that is the incident board's work.
        Cards = [.. tasks.Select(t => new TaskCard(t, [.. TaskActions.MovesFor(t).Where(m => m != Act.AssignTask)], [], "/Tasks/Mine"))];
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid task, uint version, Act move, string? reason, CancellationToken ct)
    {
        TaskActions.Flash(TempData, await TaskActions.MoveAsync(sender, move, task, version, null, reason, ct));
        return RedirectToPage();
    }
}
