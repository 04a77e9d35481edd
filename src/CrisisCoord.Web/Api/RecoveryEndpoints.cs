using CrisisCoord.Application.Features.Recovery;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>The recovery phase: damage and needs assessments, their sums, and the requests and tasks made of them.</summary>
public static class RecoveryEndpoints
{
    public static IEndpointRouteBuilder MapRecoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapGroup("/incidents/{incidentId:guid}/assessments").WithTags("Recovery");
        assessments.MapGet("/", ListDamageAssessments).WithName(nameof(ListDamageAssessments)).ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/totals", GetAssessmentTotals).WithName(nameof(GetAssessmentTotals)).ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapPost("/", RecordDamageAssessment).WithName(nameof(RecordDamageAssessment))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        assessments.MapPost("/{id:guid}/task", TurnAssessmentIntoTask).WithName(nameof(TurnAssessmentIntoTask))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assessments.MapPost("/needs/{needId:guid}/request", TurnNeedIntoRequest).WithName(nameof(TurnNeedIntoRequest))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The incident's assessments, newest first, their totals per area and overall, and what you may do.</summary>
    private static async Task<Ok<AssessmentsView>> ListDamageAssessments(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDamageAssessmentsQuery(incidentId), ct));

    /// <summary>The assessments summed per area (place name, case-insensitive) and for the whole incident.</summary>
    private static async Task<Ok<AssessmentTotals>> GetAssessmentTotals(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAssessmentTotalsQuery(incidentId), ct));

    /// <summary>
    /// <c>{"placeName", "latitude", "longitude", "buildingsDestroyed", "buildingsSevere", "buildingsModerate", "buildingsMinor",
    /// "peopleDisplaced", "peopleInjured", "peopleMissing", "power"|"water"|"roads"|"telecoms": "Working"|"Degraded"|"Out",
    /// "needs": [{"type", "quantity"}], "notes"?}</c>
    /// </summary>
    private static async Task<Created<AssessmentDto>> RecordDamageAssessment(Guid incidentId, RecordDamageAssessmentCommand command, ISender sender, CancellationToken ct)
    {
        var assessment = await sender.Send(command with { IncidentId = incidentId }, ct);
        return TypedResults.Created($"/api/v1/incidents/{incidentId}/assessments#{assessment.Id}", assessment);
    }

    /// <summary><c>{"priority"?, "assignedOrganisationId"?}</c>: makes a recovery task of the assessment; it then names the task.</summary>
    private static async Task<Ok<AssessmentDto>> TurnAssessmentIntoTask(Guid incidentId, Guid id, TurnAssessmentIntoTaskCommand? command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send((command ?? new TurnAssessmentIntoTaskCommand()) with { IncidentId = incidentId, AssessmentId = id }, ct));

    /// <summary><c>{"priority"?, "neededBy"?}</c>: raises a resource request for the need, delivered to the assessed place.</summary>
    private static async Task<Ok<AssessmentDto>> TurnNeedIntoRequest(Guid incidentId, Guid needId, TurnNeedIntoRequestCommand? command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send((command ?? new TurnNeedIntoRequestCommand()) with { IncidentId = incidentId, NeedId = needId }, ct));
}
