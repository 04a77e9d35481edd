using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Incidents;

public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListIncidentsQuery Input { get; set; } = new();

    public IncidentPage? Results { get; private set; }

    public bool IsFiltered =>
        !string.IsNullOrEmpty(Input.Category) || !string.IsNullOrEmpty(Input.Severity) || !string.IsNullOrEmpty(Input.State);

    public async Task OnGetAsync(CancellationToken ct) => Results = await sender.Send(Input, ct);

    public IDictionary<string, string?> RouteFor(string? after) => new Dictionary<string, string?>
    {
        ["category"] = Input.Category,
        ["severity"] = Input.Severity,
        ["state"] = Input.State,
        ["limit"] = Input.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["after"] = after,
    };
}
