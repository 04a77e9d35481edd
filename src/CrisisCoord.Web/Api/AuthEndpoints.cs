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
        // Anonymous: the access token may have expired; the refresh token is the credential.
        group.MapPost("/refresh", RefreshToken).AllowAnonymous().WithName(nameof(RefreshToken));
        group.MapPost("/sign-out", async (ISender s, CancellationToken ct) => { await s.Send(new SignOutCommand(), ct); return TypedResults.NoContent(); })
            .WithName("SignOut");
        group.MapPost("/sign-out-everywhere", async (ISender s, CancellationToken ct) => { await s.Send(new SignOutEverywhereCommand(), ct); return TypedResults.NoContent(); })
            .WithName("SignOutEverywhere");
        app.MapGet("/me/sessions", (ISender s, CancellationToken ct) => s.Send(new ListMySessionsQuery(), ct))
            .WithTags("Authentication").WithName("ListMySessions");
        app.MapDelete("/me/sessions/{sessionId:guid}", async (Guid sessionId, ISender s, CancellationToken ct) =>
        {
            await s.Send(new EndMySessionCommand(sessionId), ct);
            return TypedResults.NoContent();
        }).WithTags("Authentication").WithName("EndMySession");
        // What the caller may do beyond one incident or organisation: log incidents, register resources, audit…
        app.MapGet("/me/capabilities", (ISender s, CancellationToken ct) => s.Send(new GetMyCapabilitiesQuery(), ct))
            .WithTags("Authentication").WithName("GetMyCapabilities");
        // The language pages and messages are answered in, and the zone typed times are read in (ADR 0036).
        app.MapGet("/me/preferences", (ISender s, CancellationToken ct) => s.Send(new GetMyPreferencesQuery(), ct))
            .WithTags("Authentication").WithName("GetMyPreferences");
        app.MapPut("/me/preferences", (SetMyPreferencesCommand command, ISender s, CancellationToken ct) => s.Send(command, ct))
            .WithTags("Authentication").WithName("SetMyPreferences").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<BearerToken>> IssueToken(IssueTokenRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request, ct));

    private static async Task<Ok<BearerToken>> RefreshToken(RefreshTokenRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request, ct));
}
