using System.Globalization;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Audit;

/// <summary>The auditor's workspace: the timeline across incidents, filtered, paged by keyset, exportable.</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock, MyCapabilitiesProvider capabilities, ReaderClock readerClock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListTimelineEventsQuery Input { get; set; } = new();

    public TimelineEventPage? Results { get; private set; }

    public IReadOnlyList<IncidentDto> Incidents { get; private set; } = [];

    public IReadOnlyList<OrganisationSummaryDto> Organisations { get; private set; } = [];

    /// <summary>The registry's chain is for those who audit every chain.</summary>
    public bool SeesRegistry { get; private set; }

    public bool IsFiltered => Input is { Chain.Length: > 0 } or { Organisation: not null } or { Actor: not null } or { Action.Length: > 0 }
        or { From: not null } or { To: not null };

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The form's date-time fields carry no zone; they are read on the reader's clock (labelled), whatever the server's zone.
        Input = Input with { From = Typed("from") ?? Input.From, To = Typed("to") ?? Input.To };
        SeesRegistry = await capabilities.CanAsync(Act.AuditChains);
        Incidents = (await sender.Send(new ListIncidentsQuery { Limit = ListIncidentsQuery.MaxLimit }, HttpContext.RequestAborted)).Items;
        Organisations = (await sender.Send(new ListOrganisationsQuery(), HttpContext.RequestAborted)).Items;
        await next();
    }

    public async Task OnGetAsync(CancellationToken ct) => Results = await sender.Send(Input, ct);

    /// <summary>The same selection as a CSV file, streamed as it is read.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await TimelineCsv.WriteResponseAsync(Response, await sender.Send(ExportTimelineEventsQuery.Of(Input), ct), clock.GetUtcNow(), ct);
        return new EmptyResult();
    }

    /// <summary>A chain's title in the reader's language: the registry's is a fixed English text, an incident's its own title.</summary>
    public static string ChainTitle(string title) => title == TimelineEventDto.RegistryTitle ? Texts.Get("Audit.Registry") : title;

    public string? Local(DateTimeOffset? at) => readerClock.ForField(at)?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public IDictionary<string, string?> CsvRoute => RouteFor(null, "Csv");

    public IDictionary<string, string?> RouteFor(string? after, string? handler = null) => new Dictionary<string, string?>
    {
        ["handler"] = handler,
        ["chain"] = Input.Chain,
        ["organisation"] = Input.Organisation?.ToString(),
        ["actor"] = Input.Actor?.ToString(),
        ["action"] = Input.Action,
        ["from"] = Local(Input.From),
        ["to"] = Local(Input.To),
        ["order"] = Input.Order,
        ["after"] = after,
    };

    // A filter, not a form to correct: a value that names no instant is simply not applied.
    private DateTimeOffset? Typed(string key) =>
        Request.Query[key].ToString() is { Length: > 0 } text && ReaderTimeBinder.Read(text, readerClock, out var at) is null ? at : null;
}
