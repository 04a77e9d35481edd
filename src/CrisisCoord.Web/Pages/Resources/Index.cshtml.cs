using CrisisCoord.Application.Features.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Resources;

public sealed class IndexModel(ISender sender, CrisisCoord.Web.Infrastructure.MyCapabilitiesProvider capabilities) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListResourcesQuery Input { get; set; } = new();

    public IReadOnlyList<ResourceTypeDto> Types { get; private set; } = [];

    public IReadOnlyList<Application.Features.Organisations.OrganisationSummaryDto> Organisations { get; private set; } = [];

    public IReadOnlyList<ResourceDto>? Results { get; private set; }

    public bool CanRegister { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        Types = await sender.Send(new ListResourceTypesQuery(), HttpContext.RequestAborted);
        Organisations = (await sender.Send(new Application.Features.Organisations.ListOrganisationsQuery(), HttpContext.RequestAborted)).Items;
        CanRegister = await capabilities.CanAsync(Application.Security.Act.RegisterOwnResources);
        await next();
    }

    public async Task OnGetAsync(CancellationToken ct) => Results = await sender.Send(Input, ct);
}
