using CrisisCoord.Application.Features.CheckIns;
using CrisisCoord.Domain.CheckIns;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>Safety check-ins: posted by people in an incident's area, read by them and the incident's coordinators only.</summary>
public static class CheckInsEndpoints
{
    public static IEndpointRouteBuilder MapCheckInsEndpoints(this IEndpointRouteBuilder app)
    {
        var incident = app.MapGroup("/incidents/{incidentId:guid}/check-ins").WithTags("Check-ins");
        incident.MapPost("/", PostCheckIn).WithName(nameof(PostCheckIn)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        incident.MapGet("/", ListCheckIns).WithName(nameof(ListCheckIns)).ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/me/check-ins", ListMyCheckIns).WithName(nameof(ListMyCheckIns)).WithTags("Check-ins");

        var checkIns = app.MapGroup("/check-ins").WithTags("Check-ins");
        checkIns.MapGet("/{id:guid}", GetCheckIn).WithName(nameof(GetCheckIn)).ProducesProblem(StatusCodes.Status404NotFound);
        checkIns.MapPut("/{id:guid}", UpdateCheckIn).WithName(nameof(UpdateCheckIn)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        checkIns.MapPost("/{id:guid}/task", TurnCheckInIntoTask).WithName(nameof(TurnCheckInIntoTask))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary><c>{"status": "Safe"|"NeedsHelp", "latitude", "longitude", "placeName"?, "note"?}</c></summary>
    private static async Task<Created<CheckInDto>> PostCheckIn(Guid incidentId, PostCheckInCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var checkIn = await sender.Send(command with { IncidentId = incidentId }, ct);
        http.Response.Headers.ETag = ETags.For(checkIn.Version);
        return TypedResults.Created($"/api/v1/check-ins/{checkIn.Id}", checkIn);
    }

    /// <summary>The incident's check-ins, those needing help first; <c>?status=NeedsHelp</c> for those only. Coordinators of the incident only.</summary>
    private static async Task<Ok<IReadOnlyList<CheckInDto>>> ListCheckIns(Guid incidentId, CheckInStatus? status, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCheckInsQuery(incidentId, status), ct));

    /// <summary>Your own check-ins; <c>?incidentId=</c> for the one on an incident.</summary>
    private static async Task<Ok<IReadOnlyList<CheckInDto>>> ListMyCheckIns(Guid? incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMyCheckInsQuery(incidentId), ct));

    private static async Task<Ok<CheckInDto>> GetCheckIn(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var checkIn = await sender.Send(new GetCheckInQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(checkIn.Version);
        return TypedResults.Ok(checkIn);
    }

    /// <summary>
    /// The same fields as posting. If-Match is optional: a person in trouble is not turned away because a coordinator
    /// acted on their check-in meanwhile; with it, a stale version is 412.
    /// </summary>
    private static async Task<Ok<CheckInDto>> UpdateCheckIn(Guid id, UpdateCheckInCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var version = http.Request.Headers.IfMatch.Count > 0 ? ETags.FromIfMatch(http.Request) : null;
        var checkIn = await sender.Send(command with { CheckInId = id, Version = version }, ct);
        http.Response.Headers.ETag = ETags.For(checkIn.Version);
        return TypedResults.Ok(checkIn);
    }

    /// <summary><c>{"priority"?, "assignedOrganisationId"?}</c>: makes a task of a call for help; the check-in then names it.</summary>
    private static async Task<Ok<CheckInDto>> TurnCheckInIntoTask(Guid id, TurnCheckInIntoTaskCommand? command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send((command ?? new TurnCheckInIntoTaskCommand()) with { CheckInId = id }, ct));
}
