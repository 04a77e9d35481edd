using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Requests;

/// <summary>
/// Coordinators: every open request, late and unanswered ones first. Everyone else: the requests their
/// organisation was asked to answer or could answer from its inventory.
/// </summary>
public sealed class IndexModel(ISender sender, CrisisCoord.Web.Infrastructure.MyCapabilitiesProvider capabilities) : PageModel
{
    public OpenRequests? All { get; private set; }

    public IReadOnlyList<ResourceRequestDto> ForMe { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await capabilities.CanAsync(Act.ViewOpenRequests))
        {
            All = await sender.Send(new ListOpenRequestsQuery(), ct);
        }
        else
        {
            ForMe = await sender.Send(new ListRequestsForMyOrganisationQuery(), ct);
        }
    }
}
