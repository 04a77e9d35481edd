using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Warnings;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Localization;
using CrisisCoord.Web.Infrastructure.Security;
using CrisisCoord.Web.Pages.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Warnings;

/// <summary>Drafting a warning for an incident; it waits for a coordinator's approval on its own page.</summary>
[FormPage]
public sealed class NewModel(ISender sender, IOptions<MapOptions> map, TimeProvider clock, ReaderClock readerClock) : IncidentChangePageModel<DraftWarningCommand, WarningDto>(sender)
{
    public object MapData => WarningFormPage.MapData(map.Value, Incident.Latitude, Incident.Longitude);

    protected override Task LoadChoicesAsync(CancellationToken ct) => WarningFormPage.LoadChoicesAsync(this, Sender, ct);

    protected override DraftWarningCommand Blank(IncidentDto incident) => new()
    {
        IncidentId = incident.Id,
        Status = WarningStatus.Actual,
        Scope = WarningScope.Public,
        Event = Display.Category(incident.Category),
        // On the reader's clock, as the field is read back (ReaderTimeBinder).
        Expires = readerClock.ForField(Warning.WholeSeconds(clock.GetUtcNow().AddHours(12))),
        Areas = [new WarningAreaInput { Latitude = incident.Latitude, Longitude = incident.Longitude, RadiusKm = 5 }],
    };

    protected override DraftWarningCommand For(DraftWarningCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(WarningDto warning) => Texts.Get("Warnings.Drafted.Flash");

    protected override IActionResult After(WarningDto warning, Guid id) => RedirectToPage("/Warnings/Details", new { id = warning.Id });
}
