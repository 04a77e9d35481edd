using CrisisCoord.Application.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

public sealed class ChangePasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public ChangePasswordCommand Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sender.Send(Input, ct);
        TempData["Flash"] = "Your password has been changed.";
        return RedirectToPage("/Incidents/Index");
    }
}
