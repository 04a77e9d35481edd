using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>An incident's shelters with their occupancy, and the relief handed out; occupancy one field away for those running them.</summary>
public sealed class SheltersModel(ISender sender) : PageModel
{
    public SheltersView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sender.Send(new ListSheltersQuery(id), ct);

    public async Task<IActionResult> OnPostOccupancyAsync(Guid id, Guid shelter, int? occupancy, uint? version, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
        {
            var updated = await sender.Send(new UpdateShelterOccupancyCommand { ShelterId = shelter, Occupancy = occupancy, Version = version }, ct);
            return Texts.Format("Recovery.Shelters.Updated", updated.Name, updated.Occupancy, updated.Capacity);
        });
        return Redirect($"/Incidents/{id}/Shelters#shelter-{shelter}");
    }
}
