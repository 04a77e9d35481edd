using CrisisCoord.Application.Features.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>The dashboard: its numbers and the first page of each list, and the map's clusters for one view.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", GetDashboard).WithTags("Dashboard").WithName(nameof(GetDashboard)).ProducesValidationProblem();
        app.MapGet("/dashboard/map", GetIncidentMap).WithTags("Dashboard").WithName(nameof(GetIncidentMap)).ProducesValidationProblem();
        return app;
    }

    /// <summary>
    /// The open incidents counted by state and severity, and one page of each list: open incidents and escalations
    /// (gravest first), overdue obligations (soonest due first), balance warnings, your organisation's tasks and the
    /// requests it can answer. Each list carries its <c>total</c> and a <c>nextCursor</c>; pass it back as
    /// <c>incidentsAfter</c>, <c>escalationsAfter</c>, <c>overdueAfter</c> or <c>warningsAfter</c> for the next page.
    /// </summary>
    private static async Task<Ok<DashboardDto>> GetDashboard([AsParameters] GetDashboardQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    /// <summary>
    /// The open incidents in one view of the map, clustered by the server on a grid fitted to the zoom level (64-pixel
    /// squares): a cluster of one carries the incident's id, title, state and place; larger ones their count, centre,
    /// extent and gravest grade. Give the view as <c>west</c>, <c>south</c>, <c>east</c>, <c>north</c> in degrees and
    /// <c>zoom</c> (0–18); west greater than east is a view across the antimeridian, and a view may be at most
    /// 4,096 pixels each way at its zoom.
    /// </summary>
    private static async Task<Ok<IncidentMapDto>> GetIncidentMap([AsParameters] GetIncidentMapQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));
}
