using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Api;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The report form, phone first: a pin on a map, the reporter's own location, photos and a call-back number.</summary>
[FormPage]
[RequestSizeLimit(ReportsEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportsEndpoints.MaxRequestBytes)]
public sealed class NewModel(ISender sender, IOptions<MapOptions> map) : PageModel
{
    [BindProperty]
    public LogIncidentCommand Input { get; set; } = new();

    /// <summary>The photos chosen, read into the command only when the report is sent.</summary>
    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    /// <summary>The form came back with errors after photos were chosen: browsers do not keep chosen files.</summary>
    public bool PhotosChosenBefore => Photos.Count > 0;

    /// <summary>What the map script reads: the background, and where the pin is if coordinates were typed.</summary>
    public object MapData => new
    {
        tileUrl = map.Value.TileUrl,
        attribution = map.Value.TileAttribution,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var photos = new List<PhotoUpload>();
        foreach (var file in Photos)
        {
            await using var stream = file.OpenReadStream();
            photos.Add(await PhotoUpload.ReadAsync(file.FileName, stream, ct));
        }

        Input = Input with { Photos = photos };
        var incident = await sender.Send(Input, ct);
        TempData["Flash"] = photos.Count == 0
            ? Texts.Format("Incidents.New.Done", incident.Title)
            : Texts.Format(photos.Count == 1 ? "Incidents.New.DonePhotosOne" : "Incidents.New.DonePhotosMany", incident.Title, Display.Quantity(photos.Count));
        return RedirectToPage("/Incidents/Details", new { id = incident.Id });
    }
}
