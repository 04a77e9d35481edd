using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Reports;

/// <summary>A report's photo for the pages (signed in with the cookie), sent as the API sends it.</summary>
public sealed class PhotoModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var photo = await sender.Send(new GetReportPhotoQuery(id), ct);
        PhotoResponses.Prepare(Response, photo);
        return File(photo.Content, photo.ContentType);
    }
}
