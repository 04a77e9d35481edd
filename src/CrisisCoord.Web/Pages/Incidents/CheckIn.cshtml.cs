using CrisisCoord.Application.Features.CheckIns;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>"I am safe" or "I need help", with a pin where the person is: phone first, as the report form.</summary>
[FormPage]
public sealed class CheckInModel(ISender sender, IOptions<MapOptions> map) : CommandFormPageModel<PostCheckInCommand, CheckInDto>(sender)
{
    public IncidentDto Incident { get; private set; } = null!;

    /// <summary>What the map script reads: the background only; the pin follows the coordinate fields.</summary>
    public object MapData => new { tileUrl = map.Value.TileUrl, attribution = map.Value.TileAttribution };

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Incident = await Sender.Send(new GetIncidentQuery(id), ct);
        FormRefusal.EnsureAllowed<PostCheckInCommand>(Incident.Capabilities);
    }

    protected override PostCheckInCommand Blank() => new() { IncidentId = Incident.Id };

    protected override PostCheckInCommand For(PostCheckInCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(CheckInDto checkIn) => checkIn.Status == Domain.CheckIns.CheckInStatus.NeedsHelp
        ? Texts.Get("CheckIns.CheckIn.HelpDone")
        : Texts.Get("CheckIns.CheckIn.SafeDone");

    protected override IActionResult After(CheckInDto checkIn, Guid id) => RedirectToPage("/CheckIns/Mine");
}
