using CrisisCoord.Application.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>
/// The caller's personal access tokens (ADR 0025). Only with a session token from POST /auth/token: a personal
/// access token cannot list, make or revoke tokens (403).
/// </summary>
public static class AccessTokensEndpoints
{
    public static IEndpointRouteBuilder MapAccessTokensEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/me/tokens").WithTags("Personal access tokens");
        group.MapGet("/", ListMyAccessTokens).WithName(nameof(ListMyAccessTokens))
            .WithSummary("List your personal access tokens")
            .WithDescription("Your live tokens, newest first, with when each was last used. Never the secrets.");
        group.MapPost("/", CreateAccessToken).WithName(nameof(CreateAccessToken))
            .WithSummary("Create a personal access token")
            .WithDescription("Give it a name, a scope (ReadOnly or ReadWrite) and a life of 1 to 365 days. The answer carries the token once: keep it; it cannot be shown again.")
            .ProducesValidationProblem();
        group.MapDelete("/{tokenId:guid}", RevokeAccessToken).WithName(nameof(RevokeAccessToken))
            .WithSummary("Revoke a personal access token")
            .WithDescription("The next request that sends it is refused (401). A token that is not yours answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AccessTokenDto>>> ListMyAccessTokens(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMyAccessTokensQuery(), ct));

    private static async Task<Created<CreatedAccessToken>> CreateAccessToken(CreateAccessTokenCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Created("/api/v1/me/tokens", await sender.Send(command, ct));

    private static async Task<NoContent> RevokeAccessToken(Guid tokenId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RevokeAccessTokenCommand(tokenId), ct);
        return TypedResults.NoContent();
    }
}
