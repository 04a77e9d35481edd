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

        var projects = app.MapGroup("/incidents/{incidentId:guid}/recovery-projects").WithTags("Recovery");
        projects.MapGet("/", ListRecoveryProjects).WithName(nameof(ListRecoveryProjects)).ProducesProblem(StatusCodes.Status404NotFound);
        projects.MapPost("/", StartRecoveryProject).WithName(nameof(StartRecoveryProject))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        var project = app.MapGroup("/recovery-projects/{id:guid}").WithTags("Recovery");
        project.MapGet("/", GetRecoveryProject).WithName(nameof(GetRecoveryProject)).ProducesProblem(StatusCodes.Status404NotFound);
        project.MapPut("/", EditRecoveryProject).WithName(nameof(EditRecoveryProject))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequiresIfMatch();
        project.MapPost("/milestones", AddMilestone).WithName(nameof(AddMilestone)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        project.MapPut("/milestones/{milestoneId:guid}", MarkMilestone).WithName(nameof(MarkMilestone))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var shelters = app.MapGroup("/incidents/{incidentId:guid}/shelters").WithTags("Recovery");
        shelters.MapGet("/", ListShelters).WithName(nameof(ListShelters)).ProducesProblem(StatusCodes.Status404NotFound);
        shelters.MapPost("/", OpenShelter).WithName(nameof(OpenShelter))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPut("/shelters/{id:guid}/occupancy", UpdateShelterOccupancy).WithName(nameof(UpdateShelterOccupancy)).WithTags("Recovery")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequiresIfMatch();
        app.MapPost("/incidents/{incidentId:guid}/distributions", DistributeRelief).WithName(nameof(DistributeRelief)).WithTags("Recovery")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
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

    /// <summary>The incident's recovery projects, its recovery objectives with the projects feeding them, and what you may do.</summary>
    private static async Task<Ok<RecoveryProjectsView>> ListRecoveryProjects(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListRecoveryProjectsQuery(incidentId), ct));

    /// <summary>
    /// <c>{"title", "ownerOrganisationId", "budgetAmount", "budgetCurrency", "objectiveId"?, "milestones"?: [{"title", "dueOn": "yyyy-MM-dd"}]}</c>
    /// </summary>
    private static async Task<Created<RecoveryProjectDto>> StartRecoveryProject(Guid incidentId, StartRecoveryProjectCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var started = await sender.Send(command with { IncidentId = incidentId }, ct);
        http.Response.Headers.ETag = ETags.For(started.Version);
        return TypedResults.Created($"/api/v1/recovery-projects/{started.Id}", started);
    }

    /// <summary>The project, its milestones and progress, and what you may do; the ETag for an edit.</summary>
    private static async Task<Ok<RecoveryProjectDto>> GetRecoveryProject(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var found = await sender.Send(new GetRecoveryProjectQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(found.Version);
        return TypedResults.Ok(found);
    }

    /// <summary><c>{"title", "budgetAmount", "budgetCurrency", "objectiveId"?}</c> with If-Match.</summary>
    private static Task<IResult> EditRecoveryProject(Guid id, EditRecoveryProjectCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ETags.ConditionalAsync(http, version => sender.Send(command with { Id = id, Version = version }, ct), p => p.Version);

    /// <summary><c>{"title", "dueOn": "yyyy-MM-dd"}</c>: one more milestone; the project's progress counts it at once.</summary>
    private static async Task<Ok<RecoveryProjectDto>> AddMilestone(Guid id, AddMilestoneCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var changed = await sender.Send(command with { ProjectId = id }, ct);
        http.Response.Headers.ETag = ETags.For(changed.Version);
        return TypedResults.Ok(changed);
    }

    /// <summary><c>{"done": true|false}</c>: the owner marks a milestone done, or not done after all.</summary>
    private static async Task<Ok<RecoveryProjectDto>> MarkMilestone(Guid id, Guid milestoneId, MarkMilestoneCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var changed = await sender.Send(command with { ProjectId = id, MilestoneId = milestoneId }, ct);
        http.Response.Headers.ETag = ETags.For(changed.Version);
        return TypedResults.Ok(changed);
    }

    /// <summary>The incident's shelters with their occupancy, the relief handed out, and what you may do and hand out.</summary>
    private static async Task<Ok<SheltersView>> ListShelters(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSheltersQuery(incidentId), ct));

    /// <summary><c>{"name", "placeName", "latitude", "longitude", "capacity", "occupancy"}</c>: a shelter your organisation runs.</summary>
    private static async Task<Created<ShelterDto>> OpenShelter(Guid incidentId, OpenShelterCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var opened = await sender.Send(command with { IncidentId = incidentId }, ct);
        http.Response.Headers.ETag = ETags.For(opened.Version);
        return TypedResults.Created($"/api/v1/incidents/{incidentId}/shelters#{opened.Id}", opened);
    }

    /// <summary><c>{"occupancy"}</c> with If-Match: how many people are there now, never above the capacity.</summary>
    private static Task<IResult> UpdateShelterOccupancy(Guid id, UpdateShelterOccupancyCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ETags.ConditionalAsync(http, version => sender.Send(command with { ShelterId = id, Version = version }, ct), s => s.Version);

    /// <summary>
    /// <c>{"resourceId", "quantity", "households", "shelterId"? | "placeName", "latitude", "longitude", "notes"?}</c>: relief handed out from
    /// one of your resources; the quantity leaves its stock for good, never below what is committed to requests.
    /// </summary>
    private static async Task<Created<DistributionDto>> DistributeRelief(Guid incidentId, DistributeReliefCommand command, ISender sender, CancellationToken ct)
    {
        var distributed = await sender.Send(command with { IncidentId = incidentId }, ct);
        return TypedResults.Created($"/api/v1/incidents/{incidentId}/shelters#distribution-{distributed.Id}", distributed);
    }
}
