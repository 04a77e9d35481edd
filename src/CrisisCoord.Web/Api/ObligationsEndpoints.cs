using CrisisCoord.Application.Features.Obligations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>Who owes what, computed at read time.</summary>
public static class ObligationsEndpoints
{
    public static IEndpointRouteBuilder MapObligationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents/{id:guid}/obligations", ListIncidentObligations)
            .WithTags("Obligations").WithName(nameof(ListIncidentObligations)).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/organisations/{id:guid}/obligations", ListOrganisationObligations)
            .WithTags("Obligations").WithName(nameof(ListOrganisationObligations)).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<ObligationList>> ListIncidentObligations(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListIncidentObligationsQuery(id), ct));

    private static async Task<Ok<ObligationList>> ListOrganisationObligations(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListOrganisationObligationsQuery(id), ct));
}
