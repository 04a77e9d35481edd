using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Api;

/// <summary>The OpenAPI 3.1 document at /openapi/v1.json describes the whole API, as the app really maps it (ADR 0025).</summary>
public sealed partial class OpenApiDocumentTests(CrisisCoordApp app) : AppTest(app)
{
    private static readonly string[] ProblemStatuses = ["401", "403", "409", "415", "429"];

    [Fact]
    public async Task Every_mapped_api_endpoint_is_in_the_document()
    {
        var document = await DocumentAsync();
        var documented = Operations(document).Select(o => $"{o.Method} {o.Path}").ToHashSet();

        // Every route under /api/ except the reference page itself, which is not part of the API.
        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                && raw.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
                && !raw.StartsWith(ApiDocumentation.ReferencePath, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {OpenApiPath(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        mapped.Count.ShouldBeGreaterThan(60);
        var missing = mapped.Except(documented).Order().ToList();
        missing.ShouldBeEmpty(
            $"{missing.Count} endpoint(s) are mapped but not in {ApiDocumentation.DocumentPath}; describe them (typed results or .Produces<T>(), and no ExcludeFromDescription): {string.Join(", ", missing)}");
        var extra = documented.Except(mapped).Order().ToList();
        extra.ShouldBeEmpty($"documented but not mapped: {string.Join(", ", extra)}");
    }

    [Fact]
    public async Task The_document_is_openapi_3_1_served_anonymously_without_the_pages()
    {
        var response = await App.CreateClient().GetAsync(ApiDocumentation.DocumentPath);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var text = await response.Content.ReadAsStringAsync();
        var document = JsonNode.Parse(text)!;
        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1.");
        document["info"]!["title"]!.GetValue<string>().ShouldBe("CrisisCoord API");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldAllBe(path => path.StartsWith("/api/v1/"));
        paths.ShouldNotContain(path => path.Contains("Account", StringComparison.Ordinal) || path.Contains("Incidents/", StringComparison.Ordinal));

        // Built once: every answer is the very same text.
        (await App.CreateClient().GetStringAsync(ApiDocumentation.DocumentPath)).ShouldBe(text);
    }

    [Fact]
    public async Task The_bearer_scheme_guards_every_operation_but_the_anonymous_ones()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]![ApiDocumentation.BearerSchemeName]!;
        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");
        foreach (var (method, path, operation) in Operations(document))
        {
            var guarded = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey(ApiDocumentation.BearerSchemeName)) == true;
            var anonymous = path.StartsWith("/api/v1/auth/", StringComparison.Ordinal)
                && path is not ("/api/v1/auth/sign-out" or "/api/v1/auth/sign-out-everywhere");
            guarded.ShouldBe(!anonymous, $"{method} {path}");
        }
    }

    [Theory]
    [InlineData("post", "/api/v1/incidents", "LogIncident", "201", "LogIncidentCommand", "IncidentDto")]
    [InlineData("post", "/api/v1/me/tokens", "CreateAccessToken", "201", "CreateAccessTokenCommand", "CreatedAccessToken")]
    [InlineData("post", "/api/v1/tasks/{id}/assign", "AssignTask", "200", "AssignTaskCommand", "TaskDto")]
    [InlineData("put", "/api/v1/organisations/{id}", "UpdateOrganisation", "200", "UpdateOrganisationCommand", "OrganisationDto")]
    public async Task Writes_describe_their_body_their_answer_and_their_problems(
        string method, string path, string operationId, string success, string requestSchema, string responseSchema)
    {
        var operation = (await DocumentAsync())["paths"]![path]![method]!;

        operation["operationId"]!.GetValue<string>().ShouldBe(operationId);
        operation["summary"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        operation["tags"]!.AsArray().Count.ShouldBe(1);
        Ref(operation["requestBody"]!["content"]!["application/json"]!["schema"]!).ShouldBe(requestSchema);
        Ref(operation["responses"]![success]!["content"]!["application/json"]!["schema"]!).ShouldBe(responseSchema);
        Ref(operation["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!).ShouldBe("HttpValidationProblemDetails");
        foreach (var status in path.Contains('{', StringComparison.Ordinal) ? ProblemStatuses.Append("404") : ProblemStatuses)
        {
            Ref(operation["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!).ShouldBe("ProblemDetails", $"{operationId} {status}");
        }
    }

    [Fact]
    public async Task Conditional_writes_document_if_match_and_412()
    {
        var operation = (await DocumentAsync())["paths"]!["/api/v1/tasks/{id}/start"]!["post"]!;

        operation["parameters"]!.AsArray().ShouldContain(p => p!["name"]!.GetValue<string>() == "If-Match" && p["in"]!.GetValue<string>() == "header" && p["required"]!.GetValue<bool>());
        operation["responses"]!.AsObject().Select(r => r.Key).ShouldContain("412");
        operation["responses"]!.AsObject().Select(r => r.Key).ShouldContain("428");
    }

    [Fact]
    public async Task Reads_have_no_write_problems_and_anonymous_calls_no_401()
    {
        var document = await DocumentAsync();

        var read = document["paths"]!["/api/v1/incidents/{id}"]!["get"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        read.ShouldContain("200");
        read.ShouldContain("404");
        read.ShouldNotContain("409");
        read.ShouldNotContain("429");
        var token = document["paths"]!["/api/v1/auth/token"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        token.ShouldNotContain("401");
        token.ShouldContain("429");
    }

    [Fact]
    public async Task Enums_are_described_as_the_names_the_api_sends()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        var severity = schemas["Severity"]!;
        severity["type"]!.ToJsonString().ShouldContain("string");
        severity["enum"]!.AsArray().Select(v => v?.GetValue<string>()).ShouldContain("I");
        schemas["AccessTokenScope"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()).ShouldBe(["ReadOnly", "ReadWrite"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_reference_page_is_served_with_its_own_script_and_a_policy_relaxed_only_there()
    {
        var client = App.CreateClient();

        var page = await client.GetAsync(ApiDocumentation.ReferencePath);
        var script = await client.GetAsync(ApiDocumentation.ReferencePath + "/scalar.js");
        var other = await client.GetAsync("/Account/SignIn");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var sources = SourceIn().Matches(html).Select(m => m.Groups[1].Value).ToList();
        sources.ShouldNotBeEmpty();
        sources.ShouldAllBe(src => !src.Contains("//"), "every script the page loads comes from the app");
        html.ShouldNotContain("https://");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceIn().Match(policy).Groups[1].Value;
        nonce.Length.ShouldBeGreaterThan(10);
        html.ShouldContain($"nonce=\"{nonce}\"");
        policy.ShouldContain("style-src 'self' 'unsafe-inline'");
        policy.ShouldNotContain("unsafe-eval");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(ApiDocumentation.ReferencePath)).Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain(nonce);
        var strict = other.Headers.GetValues("Content-Security-Policy").Single();
        strict.ShouldNotContain("unsafe-inline");
        strict.ShouldNotContain("nonce-");
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await App.CreateClient().GetStringAsync(ApiDocumentation.DocumentPath))!;

    private static IEnumerable<(string Method, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key is "get" or "put" or "post" or "delete" or "patch" or "head")
            .Select(o => (o.Key.ToUpperInvariant(), path.Key, o.Value!)));

    /// <summary>"/api/v1/incidents/{id:guid}/" → "/api/v1/incidents/{id}", as OpenAPI writes a route.</summary>
    private static string OpenApiPath(string route)
    {
        var path = RouteParameter().Replace(route, "{$1}").TrimEnd('/');
        return path.Length == 0 ? "/" : path;
    }

    private static string Ref(JsonNode schema) =>
        (schema["$ref"] ?? schema["items"]?["$ref"])?.GetValue<string>().Split('/')[^1] ?? schema.ToJsonString();

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SourceIn();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceIn();

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
