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
        // What the caller may do beyond one incident or organisation: log incidents, register resources, audit…
        app.MapGet("/me/capabilities", (ISender s, CancellationToken ct) => s.Send(new GetMyCapabilitiesQuery(), ct))
            .WithTags("Authentication").WithName("GetMyCapabilities");
        return app;
    }

    private static async Task<Ok<BearerToken>> IssueToken(IssueTokenRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request, ct));
}
