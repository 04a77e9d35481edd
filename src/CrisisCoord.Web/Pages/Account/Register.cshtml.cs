using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Features.Organisations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

public sealed class RegisterModel(ISender sender) : PageModel
{
    [BindProperty]
    public RegisterCitizenCommand Input { get; set; } = new();

    public IReadOnlyList<CitizenGroupDto> Groups { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        // Loaded before every handler, so a refused form re-renders with its list.
        Groups = await sender.Send(new ListCitizenGroupsQuery(), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The same answer whether or not the address already had an account (ADR 0020).
        await sender.Send(Input, ct);
        return RedirectToPage("/Account/CheckEmail", new { about = CheckEmailModel.Registration });
    }
}
