using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Organisations;

[FormPage]
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty]
    public UpdateOrganisationCommand Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrganisationKind? Kind { get; private set; }

    // Runs before the command filter: the id and kind are known even when a field could not be read, so
    // the validator compares the name with other organisations, not with this one.
    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(Request.Method))
        {
            Input = Input with { Id = Id };
            Kind = (await sender.Send(new GetOrganisationForUpdateQuery(Id), HttpContext.RequestAborted)).Kind;
        }

        await next();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var form = await sender.Send(new GetOrganisationForUpdateQuery(Id), ct);
        (Kind, Input) = (form.Kind, form.Input);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Format("Organisations.Updated", organisation.Name);
        return RedirectToPage("/Organisations/Details", new { id = Id });
    }
}
