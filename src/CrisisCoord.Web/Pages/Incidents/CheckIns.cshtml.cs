using CrisisCoord.Application.Features.CheckIns;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The coordinators' view of who checked in: those needing help on a map and in a list, each one click from a task.</summary>
public sealed class CheckInsModel(ISender sender, IOptions<MapOptions> map) : PageModel
{
    public Guid IncidentId { get; private set; }

    public IReadOnlyList<CheckInDto> CheckIns { get; private set; } = [];

    public IEnumerable<CheckInDto> NeedHelp => CheckIns.Where(c => c.Status == CheckInStatus.NeedsHelp);

    public IEnumerable<CheckInDto> Safe => CheckIns.Where(c => c.Status == CheckInStatus.Safe);

    /// <summary>What the map script reads: the background and the calls for help (text only; the script makes DOM text nodes of it).</summary>
    public object MapData => new
    {
        tileUrl = map.Value.TileUrl,
        attribution = map.Value.TileAttribution,
        points = NeedHelp.Select(c => new
        {
            id = c.Id,
            latitude = c.Latitude,
            longitude = c.Longitude,
            name = c.PersonName,
            place = c.PlaceName,
            note = c.Note,
            handled = c.Handled,
        }),
    };

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        IncidentId = id;
        CheckIns = await sender.Send(new ListCheckInsQuery(id), ct);
    }

    public async Task<IActionResult> OnPostTaskAsync(Guid id, Guid checkIn, CancellationToken ct)
    {
        TempData["Flash"] = await PageActions.TryAsync(async () =>
            Texts.Format("CheckIns.List.TaskDone", (await sender.Send(new TurnCheckInIntoTaskCommand { CheckInId = checkIn }, ct)).TaskTitle));
        return Redirect($"/Incidents/{id}/CheckIns#check-in-{checkIn}");
    }
}
