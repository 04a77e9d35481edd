using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CrisisCoord.Web.Api;

/// <summary>The If-Match an endpoint requires: documented as a header, 412 when stale and 428 without it.</summary>
public sealed class RequiresIfMatchMetadata;

/// <summary>
/// How the API describes itself in OpenAPI 3.1 (ADR 0025): the error answers every endpoint can give, decided here
/// from what the endpoint is (signed in or not, a read or a write, with an id in the path, a body, an If-Match)
/// rather than written on each one; the bearer scheme; enums as the names the API sends; readable summaries.
/// </summary>
public static partial class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string BearerSchemeName = "Bearer";
    public const string ReferencePath = "/api/docs";

    /// <summary>Documents the If-Match this endpoint needs (with 412 when stale, 428 when missing).</summary>
    public static TBuilder RequiresIfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresIfMatchMetadata());

    /// <summary>Adds the ProblemDetails answers of every endpoint of the group, after the endpoints' own conventions.</summary>
    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(AddProblemResponses);
        return group;
    }

    private static void AddProblemResponses(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        var read = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var route = (endpoint as RouteEndpointBuilder)?.RoutePattern;
        var routeNames = route?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var body = metadata.OfType<IAcceptsMetadata>().Any();
        var query = metadata.OfType<IParameterBindingMetadata>().Any(p => !routeNames.Contains(p.Name));

        // Bad input: a body or query that fails binding or validation, or (any POST) a malformed Idempotency-Key.
        if (body || query || methods.Contains(HttpMethods.Post))
        {
            Add(metadata, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        }

        if (!anonymous)
        {
            Add(metadata, StatusCodes.Status401Unauthorized);
            // Role, charter, or a read-only personal access token on a write.
            Add(metadata, StatusCodes.Status403Forbidden);
        }

        if (!anonymous && routeNames.Count > 0)
        {
            Add(metadata, StatusCodes.Status404NotFound);
        }

        if (!anonymous && !read)
        {
            Add(metadata, StatusCodes.Status409Conflict);
        }

        if (metadata.OfType<RequiresIfMatchMetadata>().Any())
        {
            Add(metadata, StatusCodes.Status412PreconditionFailed);
            Add(metadata, StatusCodes.Status428PreconditionRequired);
        }

        if (body)
        {
            Add(metadata, StatusCodes.Status415UnsupportedMediaType);
        }

        if (!read)
        {
            // Writes, sign-ins and registrations are rate-limited (RateLimits.Classify).
            Add(metadata, StatusCodes.Status429TooManyRequests);
        }
    }

    private static void Add(IList<object> metadata, int status, Type? type = null)
    {
        if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status, type ?? typeof(ProblemDetails), ["application/problem+json"]));
        }
    }

    public static IServiceCollection AddCrisisCoordOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The REST API only: pages, health checks and the reference page itself are not part of it.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeOperationAsync);
            options.AddSchemaTransformer(EnumsAsNamesAsync);
        });
        services.AddSingleton<OpenApiDocumentCache>();
        return services;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CrisisCoord API",
            Version = "v1",
            Description =
                "The REST API of the CrisisCoord portal: the same commands and queries as its pages. Authenticate with " +
                "'Authorization: Bearer <token>', either a personal access token (ccpat_…, made on your account page or at " +
                "POST /api/v1/me/tokens) or an access token from POST /api/v1/auth/token. Errors are RFC 9457 problem details; " +
                "validation errors name the field in 'errors'. Enumerations are sent and read as their names.",
        };
        // No absolute server: the reference page and clients call the origin that served the document.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (ccpat_…) or an access token from POST /api/v1/auth/token.",
        };
        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Summary ??= operation.OperationId is { } id ? Words(id) : null;
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [],
            });
        }

        operation.Parameters ??= [];
        if (metadata.OfType<RequiresIfMatchMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag from your last read of this record: a change made meanwhile by someone else is refused (412), not overwritten.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (string.Equals(context.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Description = "Optional: a key of your choosing; a retry with the same key and body gets the first answer again instead of acting twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Application.Data.IdempotencyRecord.KeyMaxLength },
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>ApiJson writes every enum by name with its own converter, which the schema generator cannot see through.</summary>
    private static Task EnumsAsNamesAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            var nullable = type != context.JsonTypeInfo.Type;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = null;
            schema.Enum = [.. Enum.GetNames(type).Select(name => (System.Text.Json.Nodes.JsonNode)name)];
            if (nullable)
            {
                schema.Enum.Add(null!);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>"ListMyAccessTokens" → "List my access tokens".</summary>
    private static string Words(string operationId)
    {
        var words = CamelHumps().Split(operationId).Where(w => w.Length > 0).ToList();
        return string.Join(' ', words.Select((w, i) => i == 0 || w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex CamelHumps();

    /// <summary>Maps the document (built once, then served from memory) and the reference page that reads it.</summary>
    public static IEndpointRouteBuilder MapCrisisCoordApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentPath, async (OpenApiDocumentCache cache, CancellationToken ct) =>
                TypedResults.Text(await cache.JsonAsync(ct), "application/json; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        // Scalar's own script and styles, served from this assembly (no CDN, no fonts from elsewhere, no telemetry,
        // no AI agent); the page's inline start-up script carries a nonce the CSP names (SecurityHeaders).
        app.MapScalarApiReference(ReferencePath, options =>
            {
                options
                    .WithTitle("CrisisCoord API reference")
                    .WithOpenApiRoutePattern(DocumentPath)
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideDeveloperTools()
                    .HideClientButton()
                    .WithNonce()
                    .AddPreferredSecuritySchemes(BearerSchemeName);
                // Before Scalar's script: lets it run without eval under the CSP (wwwroot/js/api-docs.js).
                options.HeadContent = "<script src=\"/js/api-docs.js\"></script>";
            })
            .AllowAnonymous();
        return app;
    }
}

/// <summary>The document never changes while the app runs: generated on first request, then the same text every time.</summary>
public sealed class OpenApiDocumentCache(IServiceProvider services)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _json;

    public async Task<string> JsonAsync(CancellationToken ct)
    {
        if (_json is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_json is null)
            {
                var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocumentation.DocumentName);
                var document = await provider.GetOpenApiDocumentAsync(ct);
                _json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
            }

            return _json;
        }
        finally
        {
            _gate.Release();
        }
    }
}
