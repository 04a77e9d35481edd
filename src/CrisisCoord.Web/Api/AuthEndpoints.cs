using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Authentication");
        group.MapPost("/token", IssueToken).AllowAnonymous().WithName(nameof(IssueToken));
        return app;
    }

    private static async Task<Ok<BearerToken>> IssueToken(IssueTokenRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request, ct));
}
