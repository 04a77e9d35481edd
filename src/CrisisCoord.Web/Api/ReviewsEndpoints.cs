using CrisisCoord.Application.Features.Reviews;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>An incident's after-action review: read it, write findings, lessons and comments on it, sign it.</summary>
public static class ReviewsEndpoints
{
    public static IEndpointRouteBuilder MapReviewsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/incidents/{id:guid}/review").WithTags("Reviews");
        group.MapGet("", GetIncidentReview).WithName(nameof(GetIncidentReview)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/lessons", AddReviewLesson).WithName(nameof(AddReviewLesson)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/comments", CommentOnReview).WithName(nameof(CommentOnReview)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/signature", SignReview).WithName(nameof(SignReview)).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<IncidentReviewDto>> GetIncidentReview(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIncidentReviewQuery(id), ct));

    /// <summary><c>{"kind":"Finding"|"Lesson","text"}</c>: a coordinator of the incident writes on its review.</summary>
    private static async Task<Created<ReviewNoteDto>> AddReviewLesson(Guid id, AddReviewLessonCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{id}/review", await sender.Send(command with { IncidentId = id }, ct));

    /// <summary><c>{"text"}</c>: an auditor comments on the review.</summary>
    private static async Task<Created<ReviewNoteDto>> CommentOnReview(Guid id, CommentOnReviewCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incidents/{id}/review", await sender.Send(command with { IncidentId = id }, ct));

    /// <summary>The lead signs the closed incident's review; the hash of its content goes on the incident's chain.</summary>
    private static async Task<Ok<ReviewSignatureDto>> SignReview(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SignReviewCommand(id), ct));
}
