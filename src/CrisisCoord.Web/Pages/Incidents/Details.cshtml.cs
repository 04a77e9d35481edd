using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public IncidentDto Incident { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Incident = await sender.Send(new GetIncidentQuery(id), ct);
}
