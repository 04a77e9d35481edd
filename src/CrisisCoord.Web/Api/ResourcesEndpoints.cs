using CrisisCoord.Application.Features.Resources;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class ResourcesEndpoints
{
    public static IEndpointRouteBuilder MapResourcesEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/resource-types").WithTags("Resources");
        types.MapGet("/", ListResourceTypes).WithName(nameof(ListResourceTypes));
        types.MapPost("/", DefineResourceType).WithName(nameof(DefineResourceType)).ProducesValidationProblem();

        var resources = app.MapGroup("/resources").WithTags("Resources");
        resources.MapGet("/", ListResources).WithName(nameof(ListResources)).ProducesValidationProblem();
        resources.MapPost("/", RegisterResource).WithName(nameof(RegisterResource)).ProducesValidationProblem();
        resources.MapGet("/{id:guid}", GetResource).WithName(nameof(GetResource)).ProducesProblem(StatusCodes.Status404NotFound);
        resources.MapPut("/{id:guid}", UpdateResource).WithName(nameof(UpdateResource))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        resources.MapPost("/{id:guid}/confirm", ConfirmInventory).WithName(nameof(ConfirmInventory));
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ResourceTypeDto>>> ListResourceTypes(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListResourceTypesQuery(), ct));

    private static async Task<CreatedAtRoute<ResourceTypeDto>> DefineResourceType(
        DefineResourceTypeCommand command, ISender sender, CancellationToken ct)
    {
        var type = await sender.Send(command, ct);
        return TypedResults.CreatedAtRoute(type, nameof(ListResourceTypes));
    }

    private static async Task<Ok<IReadOnlyList<ResourceDto>>> ListResources(
        [AsParameters] ListResourcesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<CreatedAtRoute<ResourceDto>> RegisterResource(
        RegisterResourceCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var resource = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETags.For(resource.Version);
        return TypedResults.CreatedAtRoute(resource, nameof(GetResource), new { id = resource.Id });
    }

    private static async Task<Ok<ResourceDto>> GetResource(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var resource = await sender.Send(new GetResourceQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(resource.Version);
        return TypedResults.Ok(resource);
    }

    private static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> UpdateResource(
        Guid id, UpdateResourceCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (ETags.FromIfMatch(http.Request) is not { } version)
        {
            return ETags.PreconditionRequired();
        }

        var resource = await sender.Send(command with { Id = id, Version = version }, ct);
        http.Response.Headers.ETag = ETags.For(resource.Version);
        return TypedResults.Ok(resource);
    }

    private static async Task<Ok<ResourceDto>> ConfirmInventory(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var resource = await sender.Send(new ConfirmInventoryCommand(id), ct);
        http.Response.Headers.ETag = ETags.For(resource.Version);
        return TypedResults.Ok(resource);
    }
}
