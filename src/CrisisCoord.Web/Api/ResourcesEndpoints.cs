using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Localization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

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
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequiresIfMatch();
        resources.MapPost("/{id:guid}/confirm", ConfirmInventory).WithName(nameof(ConfirmInventory));

        // Room above the file limit, so a file a little too large is read and refused with the import's own words;
        // anything far larger is cut off by the server (413 as problem details) before it is read.
        var limits = app.ServiceProvider.GetRequiredService<InventoryImportLimits>();
        resources.MapPost("/import", ImportInventory).WithName(nameof(ImportInventory))
            .WithMetadata(new RequestSizeLimitAttribute((limits.MaxBytes * 2) + (1024 * 1024)))
            .WithDescription("The CSV file as the request body (Content-Type: text/csv, with ?fileName=), or as a multipart/form-data part named 'file'.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
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

    /// <summary>The file as a multipart form's <c>file</c> part (what a browser sends), or as a raw <c>text/csv</c> body.</summary>
    private static async Task<Results<Ok<InventoryImportResult>, ProblemHttpResult>> ImportInventory(
        HttpRequest request, ISender sender, InventoryImportLimits limits, CancellationToken ct)
    {
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType);
        ImportInventoryCommand command;
        if (contentType?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var file = (await ReadFormAsync(request, ct)).Files.GetFile("file");
            command = new ImportInventoryCommand
            {
                FileName = file?.FileName,
                Content = file is null ? null : await ImportInventoryCommand.ReadAsync(file.OpenReadStream(), limits.MaxBytes, ct),
            };
        }
        else if (contentType?.MediaType.Value is { } type && CsvMediaTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            command = new ImportInventoryCommand
            {
                FileName = request.Query["fileName"].FirstOrDefault(),
                Content = await ImportInventoryCommand.ReadAsync(request.Body, limits.MaxBytes, ct),
            };
        }
        else
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type",
                detail: "Send the CSV file as multipart/form-data in a part named 'file', or as the request body with 'Content-Type: text/csv'.");
        }

        return TypedResults.Ok(await sender.Send(command, ct));
    }

    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv"];

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            // A malformed multipart body is the client's mistake, not a server fault.
            throw new ValidationException([new ValidationFailure("file", Texts.Format("Validation.Upload.NotAForm", ex.Message))]);
        }
    }
}
