using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class ObjectivesEndpoints
{
    public static IEndpointRouteBuilder MapObjectivesEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/incidents/{incidentId:guid}/objectives").WithTags("Objectives");
        incidents.MapGet("/", ListObjectives).WithName(nameof(ListObjectives)).ProducesProblem(StatusCodes.Status404NotFound);
        incidents.MapPost("/", SetObjective).WithName(nameof(SetObjective)).ProducesValidationProblem();

        var objectives = app.MapGroup("/objectives").WithTags("Objectives");
        objectives.MapPost("/{id:guid}/progress", RecordObjectiveProgress).WithName(nameof(RecordObjectiveProgress)).ProducesValidationProblem()
            .Produces<ObjectiveDto>().RequiresIfMatch();
        objectives.MapPost("/{id:guid}/waive", WaiveObjective).WithName(nameof(WaiveObjective)).ProducesValidationProblem()
            .Produces<ObjectiveDto>().RequiresIfMatch();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ObjectiveDto>>> ListObjectives(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListObjectivesQuery(incidentId), ct));

    /// <summary><c>{"phase"?,"title","target"?,"unit"?}</c>: no target means done / not done.</summary>
    private static async Task<Created<ObjectiveDto>> SetObjective(
        Guid incidentId, SetObjectiveCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var objective = await sender.Send(command with { IncidentId = incidentId }, ct);
        http.Response.Headers.ETag = ETags.For(objective.Version);
        return TypedResults.Created($"/api/v1/incidents/{incidentId}/objectives", objective);
    }

    /// <summary><c>{"progress"}</c> with If-Match.</summary>
    private static Task<IResult> RecordObjectiveProgress(Guid id, RecordObjectiveProgressCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { Id = id, Version = version }, ct));

    /// <summary><c>{"reason"}</c> with If-Match.</summary>
    private static Task<IResult> WaiveObjective(Guid id, WaiveObjectiveCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { Id = id, Version = version }, ct));

    private static Task<IResult> ChangeAsync(HttpContext http, Func<uint, ValueTask<ObjectiveDto>> send) =>
        ETags.ConditionalAsync(http, send, x => x.Version);
}
