using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/audit").WithTags("Audit");

        group.MapGet("/events", ListTimelineEvents).WithName(nameof(ListTimelineEvents)).ProducesValidationProblem();
        group.MapGet("/events.csv", ExportTimelineEvents).WithName(nameof(ExportTimelineEvents)).ProducesValidationProblem()
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapGet("/chains", ListChains).WithName(nameof(ListChains));
        group.MapGet("/chains/{chain}/verify", VerifyChain).WithName(nameof(VerifyChain)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/chains/{chain}/verify", VerifyChainAgainstCheckpoint).WithName(nameof(VerifyChainAgainstCheckpoint)).ProducesValidationProblem();
        group.MapGet("/checkpoints", ListCheckpoints).WithName(nameof(ListCheckpoints));
        group.MapPost("/checkpoints", TakeCheckpoint).WithName(nameof(TakeCheckpoint)).ProducesValidationProblem();
        group.MapGet("/checkpoint-key", CheckpointKey).WithName(nameof(CheckpointKey));
        return app;
    }

    private static async Task<Ok<TimelineEventPage>> ListTimelineEvents(
        [AsParameters] ListTimelineEventsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    /// <summary>Streams the CSV: validation and access are decided before the first byte is sent.</summary>
    private static async Task<EmptyHttpResult> ExportTimelineEvents(
        [AsParameters] ExportTimelineEventsQuery query, ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        await TimelineCsv.WriteResponseAsync(http.Response, await sender.Send(query, ct), clock.GetUtcNow(), ct);
        return TypedResults.Empty;
    }

    private static async Task<Ok<IReadOnlyList<ChainSummaryDto>>> ListChains(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListChainsQuery(), ct));

    private static async Task<Ok<ChainVerificationDto>> VerifyChain(string chain, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyChainQuery(chain), ct));

    private static async Task<Ok<ChainVerificationDto>> VerifyChainAgainstCheckpoint(
        string chain, CheckpointDto checkpoint, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyChainQuery(chain) { Checkpoint = checkpoint }, ct));

    private static async Task<Ok<IReadOnlyList<CheckpointDto>>> ListCheckpoints(string? chain, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCheckpointsQuery { Chain = chain }, ct));

    private static async Task<Ok<IReadOnlyList<CheckpointDto>>> TakeCheckpoint(
        TakeCheckpointRequest? request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request ?? new TakeCheckpointRequest(), ct));

    /// <summary>The public half of the checkpoint key, for auditors who check checkpoints offline.</summary>
    private static Ok<CheckpointKeyDto> CheckpointKey(CheckpointSigner signer) =>
        TypedResults.Ok(new CheckpointKeyDto(signer.KeyId, Checkpoint.Algorithm, signer.PublicKeyPem));

    public sealed record CheckpointKeyDto(string KeyId, string Algorithm, string PublicKeyPem);
}
