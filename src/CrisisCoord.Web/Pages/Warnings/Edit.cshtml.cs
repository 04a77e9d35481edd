using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Warnings;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Localization;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Warnings;

/// <summary>Changing a warning: a draft just changes; one already out issues a CAP Update when saved.</summary>
[FormPage]
public sealed class EditModel(ISender sender, IOptions<MapOptions> map, ReaderClock readerClock) : CommandFormPageModel<EditWarningCommand, WarningDto>(sender)
{
    public WarningView View { get; private set; } = null!;

    public IncidentDto Incident { get; private set; } = null!;

    public object MapData => WarningFormPage.MapData(map.Value, Incident.Latitude, Incident.Longitude);

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await Sender.Send(new GetWarningQuery(id), ct);
        FormRefusal.EnsureAllowed<EditWarningCommand>(View.Capabilities);
        Incident = await Sender.Send(new GetIncidentQuery(View.Warning.IncidentId), ct);
        await WarningFormPage.LoadChoicesAsync(this, Sender, ct);
    }

    // The times on the reader's clock, as the fields are read back (ReaderTimeBinder).
    protected override EditWarningCommand Blank()
    {
        var warning = EditWarningCommand.From(View.Warning);
        return warning with { Onset = readerClock.ForField(warning.Onset), Effective = readerClock.ForField(warning.Effective), Expires = readerClock.ForField(warning.Expires) };
    }

    protected override EditWarningCommand For(EditWarningCommand input, Guid id) => input with { WarningId = id };

    protected override string Done(WarningDto warning) => warning.State == WarningState.Draft
        ? Texts.Get("Warnings.DraftSaved")
        : Texts.Get("Warnings.Updated");

    protected override IActionResult After(WarningDto warning, Guid id) => RedirectToPage("/Warnings/Details", new { id });
}
