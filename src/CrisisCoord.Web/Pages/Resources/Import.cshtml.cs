using System.Text;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Resources;

[FormPage]
public sealed class ImportModel(ISender sender, ICurrentUser user, InventoryImportLimits limits) : PageModel
{
    /// <summary>The command the upload becomes; not bound from the form, but named so the command filter shows its errors.</summary>
    public ImportInventoryCommand Input { get; private set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public InventoryImportLimits Limits => limits;

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

    public FileContentResult OnGetExample() =>
        File(Encoding.UTF8.GetBytes(InventoryCsv.Example), "text/csv; charset=utf-8", "inventory-example.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = new ImportInventoryCommand
        {
            FileName = Upload?.FileName,
            Content = Upload is null ? null : await ImportInventoryCommand.ReadAsync(Upload.OpenReadStream(), limits.MaxBytes, ct),
        };
        var result = await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Format("Resources.Imported", Display.Amount(result.Rows, Texts.Get("Resources.Row")), Display.Quantity(result.Inserted), Display.Quantity(result.Updated));
        return RedirectToPage("/Resources/Index", new { organisationId = user.OrganisationId });
    }
}
