using CrisisCoord.Application.Features.Organisations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class OrganisationsEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/organisations").WithTags("Organisations");

        group.MapGet("/", ListOrganisations).WithName(nameof(ListOrganisations)).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetOrganisation).WithName(nameof(GetOrganisation)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RegisterOrganisation).WithName(nameof(RegisterOrganisation)).ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateOrganisation).WithName(nameof(UpdateOrganisation))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequiresIfMatch();
        return app;
    }

    private static async Task<Ok<OrganisationList>> ListOrganisations(
        [AsParameters] ListOrganisationsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<OrganisationDetailDto>> GetOrganisation(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var detail = await sender.Send(new GetOrganisationQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(detail.Organisation.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<CreatedAtRoute<OrganisationDto>> RegisterOrganisation(
        RegisterOrganisationCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var organisation = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETags.For(organisation.Version);
        return TypedResults.CreatedAtRoute(organisation, nameof(GetOrganisation), new { id = organisation.Id });
    }

    /// <summary>
    /// A conditional write: the client must send the ETag it read as If-Match (428 without it), and a stale
    /// one is refused with 412 (<see cref="Application.Common.StaleWriteException"/>) rather than overwriting.
    /// </summary>
    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> UpdateOrganisation(
        Guid id, UpdateOrganisationCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (ETags.FromIfMatch(http.Request) is not { } version)
        {
            return ETags.PreconditionRequired();
        }

        var organisation = await sender.Send(command with { Id = id, Version = version }, ct);
        http.Response.Headers.ETag = ETags.For(organisation.Version);
        return TypedResults.Ok(organisation);
    }
}
