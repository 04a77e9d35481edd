using CrisisCoord.Application.Features.CheckIns;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.CheckIns;

/// <summary>The person's own check-ins, and whether someone is on each call for help: one query.</summary>
public sealed class MineModel(ISender sender) : PageModel
{
    public IReadOnlyList<CheckInDto> CheckIns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => CheckIns = await sender.Send(new ListMyCheckInsQuery(), ct);
}
