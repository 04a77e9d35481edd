using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Domain.Requests;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>Resource requests, offers and commitments (shaped on EDXL-RM).</summary>
public static class RequestsEndpoints
{
    public static IEndpointRouteBuilder MapRequestsEndpoints(this IEndpointRouteBuilder app)
    {
        var incident = app.MapGroup("/incidents/{incidentId:guid}").WithTags("Resource requests");
        incident.MapGet("/resource-requests", ListIncidentRequests).WithName(nameof(ListIncidentRequests)).ProducesProblem(StatusCodes.Status404NotFound);
        incident.MapPost("/resource-requests", RaiseResourceRequest).WithName(nameof(RaiseResourceRequest)).ProducesValidationProblem();
        incident.MapPost("/offers", OfferResources).WithName(nameof(OfferResources)).ProducesValidationProblem();

        var requests = app.MapGroup("/resource-requests").WithTags("Resource requests");
        requests.MapGet("/", (ISender s, CancellationToken ct) => s.Send(new ListOpenRequestsQuery(), ct)).WithName("ListOpenRequests");
        requests.MapGet("/mine", (ISender s, CancellationToken ct) => s.Send(new ListRequestsForMyOrganisationQuery(), ct)).WithName("ListRequestsForMyOrganisation");
        requests.MapGet("/{id:guid}", async (Guid id, ISender s, HttpContext h, CancellationToken ct) =>
        {
            var request = await s.Send(new GetResourceRequestQuery(id), ct);
            h.Response.Headers.ETag = ETags.For(request.Version);
            return request;
        }).WithName("GetResourceRequest");
        requests.MapGet("/{id:guid}/edxl-rm", async (Guid id, ISender s, CancellationToken ct) => EdxlXml(await s.Send(new ExportRequestThreadQuery(id), ct)))
            .WithName("ExportRequestThread").Produces<string>(StatusCodes.Status200OK, "application/xml");
        incident.MapGet("/edxl-rm", async (Guid incidentId, ISender s, CancellationToken ct) => EdxlXml(await s.Send(new ExportIncidentResourcesQuery(incidentId), ct)))
            .WithName("ExportIncidentResources").Produces<string>(StatusCodes.Status200OK, "application/xml");
        requests.MapGet("/{id:guid}/candidates", (Guid id, ISender s, CancellationToken ct) => s.Send(new MatchResourcesQuery(id), ct)).WithName("MatchResources");
        requests.MapPost("/{id:guid}/addressees", (Guid id, AskOrganisationCommand c, ISender s, CancellationToken ct) => s.Send(c with { RequestId = id }, ct))
            .WithName("AskOrganisation").ProducesValidationProblem();
        // Conditional: If-Match with the request's ETag (from GET /resource-requests/{id}).
        requests.MapPost("/{id:guid}/close", (Guid id, CloseResourceRequestCommand c, ISender s, HttpContext h, CancellationToken ct) =>
                ETags.ConditionalAsync(h, v => s.Send(c with { RequestId = id, Version = v }, ct), r => r.Version))
            .WithName("CloseResourceRequest").ProducesValidationProblem().Produces<ResourceRequestDto>().RequiresIfMatch();
        requests.MapPost("/{id:guid}/responses", RespondToResourceRequest).WithName(nameof(RespondToResourceRequest)).ProducesValidationProblem();
        requests.MapPost("/{id:guid}/commitments", CommitForRequest).WithName(nameof(CommitForRequest)).ProducesValidationProblem();

        app.MapPost("/offers/{id:guid}/commitments", CommitOffer).WithTags("Resource requests").WithName(nameof(CommitOffer)).ProducesValidationProblem();
        // Conditional: If-Match with the commitment's ETag (412 when someone moved it meanwhile, 428 without).
        app.MapPost("/commitments/{id:guid}/status", ChangeCommitmentStatus).WithTags("Resource requests").WithName(nameof(ChangeCommitmentStatus)).ProducesValidationProblem()
            .Produces<CommitmentDto>().RequiresIfMatch();
        return app;
    }

    private static IResult EdxlXml(System.Xml.Linq.XDocument document) =>
        TypedResults.Text(document.Declaration + Environment.NewLine + document.ToString(), "application/xml", System.Text.Encoding.UTF8);

    private static async Task<Ok<IncidentRequests>> ListIncidentRequests(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListIncidentRequestsQuery(incidentId), ct));

    /// <summary><c>{"type","quantity","neededBy"?,"deliveryPlace","deliveryLatitude","deliveryLongitude","priority"?,"notes"?}</c></summary>
    private static async Task<Created<ResourceRequestDto>> RaiseResourceRequest(Guid incidentId, RaiseResourceRequestCommand command, ISender sender, CancellationToken ct)
    {
        var request = await sender.Send(command with { IncidentId = incidentId }, ct);
        return TypedResults.Created($"/api/v1/resource-requests/{request.Id}", request);
    }

    /// <summary><c>{"resourceId","quantity","estimatedArrival"?,"note"?}</c></summary>
    private static async Task<Created<OfferDto>> OfferResources(Guid incidentId, OfferResourcesCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{incidentId}/resource-requests", await sender.Send(command with { IncidentId = incidentId }, ct));

    /// <summary><c>{"answer":"Accept|Provisional|Decline","resourceId"?,"quantity"?,"estimatedArrival"?,"note"?}</c></summary>
    private static async Task<Created<OfferDto>> RespondToResourceRequest(Guid id, RespondToResourceRequestCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/resource-requests/{id}", await sender.Send(command with { RequestId = id }, ct));

    /// <summary><c>{"offerId","quantity"?}</c>: commits an offer made in answer to this request.</summary>
    private static async Task<Created<CommitmentDto>> CommitForRequest(Guid id, CommitOfferCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/resource-requests/{id}", await sender.Send(command with { RequestId = id }, ct));

    /// <summary>
    /// <c>{"status":"EnRoute|Arrived|Released","note"?}</c>: the holder reports where the resources are; a coordinator
    /// releases them. Two acts with two rules, one address.
    /// </summary>
    private static Task<IResult> ChangeCommitmentStatus(Guid id, ReportCommitmentCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
        ETags.ConditionalAsync(
            http,
            async version => body.Status == CommitmentState.Released
                ? await sender.Send(new ReleaseCommitmentCommand { CommitmentId = id, Note = body.Note, Version = version }, ct)
                : await sender.Send(body with { CommitmentId = id, Version = version }, ct),
            r => r.Version);

    /// <summary><c>{"quantity"?}</c>: commits an offer, e.g. an unsolicited one.</summary>
    private static async Task<Created<CommitmentDto>> CommitOffer(Guid id, CommitOfferCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/offers/{id}/commitments", await sender.Send(command with { OfferId = id, RequestId = null }, ct));
}
