using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class IncidentsEndpoints
{
    public static IEndpointRouteBuilder MapIncidentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/incidents").WithTags("Incidents");

        group.MapPost("/", LogIncident).WithName(nameof(LogIncident)).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetIncident).WithName(nameof(GetIncident)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListIncidents).WithName(nameof(ListIncidents)).ProducesValidationProblem();
        return app;
    }

    private static async Task<CreatedAtRoute<IncidentDto>> LogIncident(
        LogIncidentCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var incident = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETags.For(incident.Version);
        return TypedResults.CreatedAtRoute(incident, nameof(GetIncident), new { id = incident.Id });
    }

    private static async Task<Ok<IncidentDto>> GetIncident(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var incident = await sender.Send(new GetIncidentQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(incident.Version);
        return TypedResults.Ok(incident);
    }

    private static async Task<Ok<IncidentPage>> ListIncidents(
        [AsParameters] ListIncidentsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));
}
