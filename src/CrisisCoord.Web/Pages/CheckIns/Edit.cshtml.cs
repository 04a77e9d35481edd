using CrisisCoord.Application.Features.CheckIns;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.CheckIns;

/// <summary>The person updates their check-in: safe now, or needing help after all, or somewhere else.</summary>
[FormPage]
public sealed class EditModel(ISender sender, IOptions<MapOptions> map) : CommandFormPageModel<UpdateCheckInCommand, CheckInDto>(sender)
{
    public CheckInDto CheckIn { get; private set; } = null!;

    public object MapData => new { tileUrl = map.Value.TileUrl, attribution = map.Value.TileAttribution };

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        CheckIn = await Sender.Send(new GetCheckInQuery(id), ct);
        FormRefusal.EnsureAllowed<UpdateCheckInCommand>(CheckIn.Capabilities);
    }

    protected override UpdateCheckInCommand Blank() => new()
    {
        CheckInId = CheckIn.Id,
        Status = CheckIn.Status,
        Latitude = CheckIn.Latitude,
        Longitude = CheckIn.Longitude,
        PlaceName = CheckIn.PlaceName,
        Note = CheckIn.Note,
    };

    // No version: a person in trouble is not turned away because a coordinator acted on their check-in meanwhile.
    protected override UpdateCheckInCommand For(UpdateCheckInCommand input, Guid id) => input with { CheckInId = id, Version = null };

    protected override string Done(CheckInDto checkIn) => Texts.Get("CheckIns.Edit.Done");

    protected override IActionResult After(CheckInDto checkIn, Guid id) => RedirectToPage("/CheckIns/Mine");
}
