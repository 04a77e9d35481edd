using CrisisCoord.Application.Features.Organisations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

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
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
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
    /// one is refused with 412 rather than overwriting someone else's change.
    /// </summary>
    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> UpdateOrganisation(
        Guid id, UpdateOrganisationCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required.",
                detail: "Send the ETag from GET /api/v1/organisations/{id} as 'If-Match', so a change made meanwhile is not overwritten.");
        }

        if (ParseVersion(ifMatch.ToString()) is not { } version)
        {
            return Stale();
        }

        try
        {
            var organisation = await sender.Send(command with { Id = id, Version = version }, ct);
            http.Response.Headers.ETag = ETags.For(organisation.Version);
            return TypedResults.Ok(organisation);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
    }

    /// <summary>One strong entity tag holding a row version, e.g. "123"; anything else cannot match.</summary>
    private static uint? ParseVersion(string header) =>
        EntityTagHeaderValue.TryParseList([header], out var tags)
            && tags is [{ IsWeak: false } tag]
            && uint.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    private static ProblemHttpResult Stale() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Someone else changed this organisation first.",
        detail: "The If-Match version is not the current one. GET the organisation again, then apply your change to it.");
}
