using CrisisCoord.Application.Features.Charters;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class ChartersEndpoints
{
    public static IEndpointRouteBuilder MapChartersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/charters").WithTags("Charters");

        group.MapGet("/", GetCharterMatrix).WithName(nameof(GetCharterMatrix));
        group.MapPut("/entries", ChangeCharter).WithName(nameof(ChangeCharter)).ProducesValidationProblem();
        group.MapGet("/changes", ListCharterChanges).WithName(nameof(ListCharterChanges)).ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<CharterMatrixDto>> GetCharterMatrix(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCharterMatrixQuery(), ct));

    private static async Task<Ok<CharterChangeDto>> ChangeCharter(ChangeCharterCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    private static async Task<Ok<IReadOnlyList<CharterChangeDto>>> ListCharterChanges(
        [AsParameters] ListCharterChangesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));
}
