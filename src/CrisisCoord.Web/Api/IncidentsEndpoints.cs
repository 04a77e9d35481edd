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
        group.MapPost("/{id:guid}/transitions", TransitionIncident).WithName(nameof(TransitionIncident)).ProducesValidationProblem().Produces<IncidentDto>().RequiresIfMatch();
        group.MapPut("/{id:guid}/severity", SetIncidentSeverity).WithName(nameof(SetIncidentSeverity)).ProducesValidationProblem().Produces<IncidentDto>().RequiresIfMatch();
        group.MapPut("/{id:guid}/lead", SetIncidentLead).WithName(nameof(SetIncidentLead)).ProducesValidationProblem().Produces<IncidentDto>().RequiresIfMatch();
        group.MapGet("/{id:guid}/participants", ListParticipants).WithName(nameof(ListParticipants)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/participants", AdmitParticipant).WithName(nameof(AdmitParticipant)).ProducesValidationProblem();
        group.MapPost("/{id:guid}/participants/requests", RequestToJoin).WithName(nameof(RequestToJoin)).ProducesValidationProblem();
        group.MapGet("/{id:guid}/sitreps", ListSituationReports).WithName(nameof(ListSituationReports)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/sitreps", SubmitSituationReport).WithName(nameof(SubmitSituationReport)).ProducesValidationProblem();
        group.MapPost("/{id:guid}/log", PostLogEntry).WithName(nameof(PostLogEntry)).ProducesValidationProblem();
        group.MapGet("/{id:guid}/balance", GetIncidentBalance).WithName(nameof(GetIncidentBalance)).ProducesValidationProblem();
        group.MapPut("/{id:guid}/details", EditIncident).WithName(nameof(EditIncident)).ProducesValidationProblem().Produces<IncidentDto>().RequiresIfMatch();
        group.MapPost("/{id:guid}/merge", MergeIncident).WithName(nameof(MergeIncident)).ProducesValidationProblem().Produces<IncidentDto>().RequiresIfMatch();
        group.MapGet("/{id:guid}/links", GetIncidentRelations).WithName(nameof(GetIncidentRelations)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/links", LinkIncidents).WithName(nameof(LinkIncidents)).ProducesValidationProblem();
        group.MapDelete("/{id:guid}/links/{linkId:guid}", UnlinkIncidents).WithName(nameof(UnlinkIncidents));
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

    /// <summary><c>{"to","reason"}</c> with If-Match: 409 when the move is out of order, 412 when stale, 428 without If-Match.</summary>
    private static Task<IResult> TransitionIncident(Guid id, TransitionIncidentCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { IncidentId = id, Version = version }, ct));

    private static Task<IResult> SetIncidentSeverity(Guid id, SetIncidentSeverityCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { IncidentId = id, Version = version }, ct));

    private static Task<IResult> SetIncidentLead(Guid id, SetIncidentLeadCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { IncidentId = id, Version = version }, ct));

    private static async Task<Ok<IReadOnlyList<ParticipantDto>>> ListParticipants(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListParticipantsQuery(id), ct));

    /// <summary><c>{"organisationId","note"}</c>: a coordinator brings an organisation in, or admits its request.</summary>
    private static async Task<Ok<ParticipantDto>> AdmitParticipant(Guid id, AdmitParticipantCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command with { IncidentId = id }, ct));

    /// <summary><c>{"note"}</c>: the sender's organisation asks to take part.</summary>
    private static async Task<Created<ParticipantDto>> RequestToJoin(Guid id, RequestToJoinCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{id}/participants", await sender.Send(command with { IncidentId = id }, ct));

    /// <summary>Situation reports (newest first) and the shared log of the incident.</summary>
    private static async Task<Ok<IncidentReporting>> ListSituationReports(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSituationReportsQuery(id), ct));

    /// <summary><c>{"summary","casualties"?,"peopleAffected"?,"needs"?,"actionsTaken"?,"nextSteps"?}</c> from an organisation taking part.</summary>
    private static async Task<Created<SituationReportDto>> SubmitSituationReport(Guid id, SubmitSituationReportCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{id}/sitreps", await sender.Send(command with { IncidentId = id }, ct));

    /// <summary><c>{"text"}</c>: a short update on the shared log.</summary>
    private static async Task<Created<LogEntryDto>> PostLogEntry(Guid id, PostLogEntryCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{id}/sitreps", await sender.Send(command with { IncidentId = id }, ct));

    /// <summary>Shares of active tasks per organisation and kind, the HHI, and the monopoly / limbo warnings; <c>?phase=</c> for another phase.</summary>
    private static async Task<Ok<IncidentBalanceDto>> GetIncidentBalance(Guid id, CrisisCoord.Domain.Charters.Phases? phase, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIncidentBalanceQuery(id) { Phase = phase }, ct));

    /// <summary><c>{"description","placeName","latitude","longitude","area","reason"}</c> with If-Match: correct what the incident says about itself.</summary>
    private static Task<IResult> EditIncident(Guid id, EditIncidentCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { IncidentId = id, Version = version }, ct));

    /// <summary><c>{"intoIncidentId","reason"}</c> with the duplicate's If-Match: close it into the incident it duplicates.</summary>
    private static Task<IResult> MergeIncident(Guid id, MergeIncidentCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => sender.Send(command with { IncidentId = id, Version = version }, ct));

    /// <summary>What the incident was merged into, what was merged into it, and its links.</summary>
    private static async Task<Ok<IncidentRelations>> GetIncidentRelations(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIncidentRelationsQuery(id), ct));

    /// <summary><c>{"relatedIncidentId","relation","note"}</c>: relation Caused (this one caused the other) or RelatedTo.</summary>
    private static async Task<Created<IncidentLinkDto>> LinkIncidents(Guid id, LinkIncidentsCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{id}/links", await sender.Send(command with { IncidentId = id }, ct));

    private static async Task<NoContent> UnlinkIncidents(Guid id, Guid linkId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new UnlinkIncidentsCommand(id, linkId), ct);
        return TypedResults.NoContent();
    }

    private static Task<IResult> ChangeAsync(HttpContext http, Func<uint, ValueTask<IncidentDto>> send) =>
        ETags.ConditionalAsync(http, send, x => x.Version);
}
