using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.People;

/// <summary>An administrator gives a person an account in an organisation.</summary>
[FormPage]
public sealed class NewModel(ISender sender) : PageModel
{
    [BindProperty]
    public CreateUserCommand Input { get; set; } = new();

    public IReadOnlyList<OrganisationSummaryDto> Organisations { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        Organisations = (await sender.Send(new ListOrganisationsQuery(), HttpContext.RequestAborted)).Items;
        await next();
    }

    public void OnGet(Guid? organisationId) => Input = new CreateUserCommand { OrganisationId = organisationId, Roles = [] };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var person = await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Format("People.Created", person.DisplayName, string.Join(Texts.Get("Organisations.ListSeparator"), person.Roles.Select(OrganisationDisplay.Role)));
        return Redirect($"/Organisations/{person.OrganisationId}");
    }
}
