using CrisisCoord.Application.Features.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Reports;

/// <summary>The reporter's own reports and what became of each: one query.</summary>
public sealed class MineModel(ISender sender) : PageModel
{
    public IReadOnlyList<MyReportDto> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Reports = await sender.Send(new ListMyReportsQuery(), ct);
}
