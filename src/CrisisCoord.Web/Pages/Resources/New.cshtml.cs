using System.Globalization;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Resources;

[FormPage]
public sealed class NewModel(ISender sender) : PageModel
{
    [BindProperty]
    public RegisterResourceCommand Input { get; set; } = new();

    public IReadOnlyList<ResourceTypeDto> Types { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        Types = await sender.Send(new ListResourceTypesQuery(), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var resource = await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Format("Resources.Registered", Display.Amount(resource.Quantity, resource.Unit), resource.TypeName.ToLower(CultureInfo.CurrentCulture));
        return RedirectToPage("/Resources/Details", new { id = resource.Id });
    }
}
