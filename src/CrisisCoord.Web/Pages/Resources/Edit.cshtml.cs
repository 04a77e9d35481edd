using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Resources;

[FormPage]
public sealed class EditModel(ISender sender, ReaderClock readerClock) : PageModel
{
    [BindProperty]
    public UpdateResourceCommand Input { get; set; } = new();

    public ResourceDto Resource { get; private set; } = null!;

    // Runs before the command filter, so the page can always render (also when it refuses unreadable input).
    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var id = Guid.Parse((string)RouteData.Values["id"]!);
        Resource = await sender.Send(new GetResourceQuery(id), HttpContext.RequestAborted);
        FormRefusal.EnsureAllowed<UpdateResourceCommand>(Resource.Capabilities);
        await next();
    }

    public void OnGet(Guid id) =>
        Input = new UpdateResourceCommand
        {
            Id = id,
            Version = Resource.Version,
            Quantity = Resource.Quantity,
            PlaceName = Resource.PlaceName,
            Latitude = Resource.Latitude,
            Longitude = Resource.Longitude,
            // On the reader's clock, as the fields are read back (ReaderTimeBinder).
            AvailableFrom = readerClock.ForField(Resource.AvailableFrom),
            AvailableUntil = readerClock.ForField(Resource.AvailableUntil),
            Notes = Resource.Notes,
        };

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await sender.Send(Input with { Id = id }, ct);
        TempData["Flash"] = Texts.Get("Resources.Saved");
        return RedirectToPage("/Resources/Details", new { id });
    }
}
