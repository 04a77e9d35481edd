using CrisisCoord.Application.Features.Recovery;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>An incident's recovery projects, and its recovery objectives with the projects feeding them.</summary>
public sealed class RecoveryModel(ISender sender) : PageModel
{
    public RecoveryProjectsView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sender.Send(new ListRecoveryProjectsQuery(id), ct);
}
