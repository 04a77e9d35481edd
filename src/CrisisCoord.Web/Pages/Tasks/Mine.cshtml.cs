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
        var mine = Guid.TryParse(User.FindFirst(ClaimNames.OrganisationId)?.Value, out var org) ? org : (Guid?)null;
        var tasks = await sender.Send(new ListMyTasksQuery(), ct);
        Cards = [.. tasks.Select(t => new TaskCard(t, TaskActions.MovesFor(t, User.IsInRole, mine, true).Where(m => m is not ("assign" or "cancel")).ToList(), [], "/Tasks/Mine"))];
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid task, uint version, string move, string? reason, CancellationToken ct)
    {
        TaskActions.Flash(TempData, await TaskActions.MoveAsync(sender, move, task, version, null, reason, ct));
        return RedirectToPage();
    }
}
