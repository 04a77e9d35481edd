using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Pages.Tasks;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>An incident's task board: a column per state, cards moved with one action.</summary>
public sealed class TasksModel(ISender sender) : PageModel
{
    public static readonly TaskState[] Columns = [TaskState.Open, TaskState.Assigned, TaskState.Accepted, TaskState.InProgress, TaskState.Done, TaskState.Declined, TaskState.Cancelled];

    public IncidentDto Incident { get; private set; } = null!;

    public IReadOnlyList<TaskCard> Cards { get; private set; } = [];

    public IReadOnlyList<ParticipantDto> Participants { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Incident = await sender.Send(new GetIncidentQuery(id), ct);
        Participants = [.. (await sender.Send(new ListParticipantsQuery(id), ct)).Where(p => p.Status == ParticipationStatus.Admitted)];
        var tasks = Incident.DetailShown ? await sender.Send(new ListTasksQuery(id) { Organisation = Organisation }, ct) : [];
        var here = Request.Path + Request.QueryString;
        Cards = [.. tasks.Select(t => new TaskCard(t, TaskActions.MovesFor(t), Participants, here))];
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid task, uint version, Act move, Guid? organisation, string? reason, string? returnUrl, CancellationToken ct)
    {
        TaskActions.Flash(TempData, await TaskActions.MoveAsync(sender, move, task, version, organisation, reason, ct));
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage(new { id });
    }
}
