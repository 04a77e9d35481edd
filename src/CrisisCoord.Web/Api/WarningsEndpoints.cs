using System.Security.Cryptography;
using System.Text;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Web.Api;

/// <summary>
/// Public warnings (CAP 1.2): drafting, editing, approval and cancellation for staff under /api/v1; the CAP
/// documents and their message threads for anyone where the warning is public and real; and the Atom feed.
/// </summary>
public static class WarningsEndpoints
{
    /// <summary>Reads that answer the anonymous too: whoever a token or cookie names is recognised, nobody is turned away at the door.</summary>
    private static readonly AuthorizationPolicy SignedInOrNot = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme)
        .RequireAssertion(_ => true)
        .Build();

    public static IEndpointRouteBuilder MapWarningsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/incidents/{incidentId:guid}/warnings", DraftWarning).WithTags("Warnings").WithName(nameof(DraftWarning)).ProducesValidationProblem();
        app.MapGet("/incidents/{incidentId:guid}/warnings", ListIncidentWarnings).WithTags("Warnings").WithName(nameof(ListIncidentWarnings));

        var group = app.MapGroup("/warnings").WithTags("Warnings");
        group.MapGet("/{id:guid}", GetWarning).WithName(nameof(GetWarning)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", EditWarning).WithName(nameof(EditWarning)).ProducesValidationProblem();
        group.MapPost("/{id:guid}/publication", ApproveAndPublishWarning).WithName(nameof(ApproveAndPublishWarning)).ProducesValidationProblem();
        group.MapPost("/{id:guid}/cancellation", CancelWarning).WithName(nameof(CancelWarning)).ProducesValidationProblem();
        return app;
    }

    /// <summary>Outside the /api/v1 group's sign-in requirement: CAP documents of public warnings and the feed are for everyone.</summary>
    public static IEndpointRouteBuilder MapPublicWarningsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/warnings/{id:guid}.cap", GetCapDocument).RequireAuthorization(SignedInOrNot).WithTags("Warnings").WithName(nameof(GetCapDocument));
        app.MapGet("/api/v1/warnings/{id:guid}/messages", GetWarningMessages).RequireAuthorization(SignedInOrNot).WithTags("Warnings").WithName(nameof(GetWarningMessages));
        app.MapGet("/warnings/feed.atom", GetFeed).AllowAnonymous().CacheOutput(WarningsSetup.PublicPolicy).WithTags("Warnings").WithName(nameof(GetFeed));
        return app;
    }

    /// <summary>The warning's fields (see <see cref="DraftWarningCommand"/>); it waits as a draft for a coordinator's approval.</summary>
    private static async Task<Created<WarningDto>> DraftWarning(Guid incidentId, DraftWarningCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var warning = await sender.Send(command with { IncidentId = incidentId }, ct);
        http.Response.Headers.ETag = ETags.For(warning.Version);
        return TypedResults.Created($"/api/v1/warnings/{warning.Id}", warning);
    }

    private static async Task<Ok<IReadOnlyList<WarningDto>>> ListIncidentWarnings(Guid incidentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListIncidentWarningsQuery(incidentId), ct));

    /// <summary>The warning, what the caller may do to it, and every message it issued.</summary>
    private static async Task<Ok<WarningView>> GetWarning(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var view = await sender.Send(new GetWarningQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(view.Warning.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>The whole content again, with If-Match. On a warning already out this issues a CAP Update.</summary>
    private static Task<IResult> EditWarning(Guid id, EditWarningCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ETags.ConditionalAsync(http, version => sender.Send(command with { WarningId = id, Version = version }, ct), w => w.Version);

    /// <summary>No body; If-Match names the version approved. Issues the CAP Alert.</summary>
    private static Task<IResult> ApproveAndPublishWarning(Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        ETags.ConditionalAsync(http, version => sender.Send(new ApproveAndPublishWarningCommand { WarningId = id, Version = version }, ct), w => w.Version);

    /// <summary><c>{"reason"}</c> with If-Match. Issues a CAP Cancel (a draft is set aside without one).</summary>
    private static Task<IResult> CancelWarning(Guid id, CancelWarningCommand command, ISender sender, HttpContext http, CancellationToken ct) =>
        ETags.ConditionalAsync(http, version => sender.Send(command with { WarningId = id, Version = version }, ct), w => w.Version);

    /// <summary>
    /// The warning's current CAP message. Anyone may read a public, real warning's; a signed-in reader also those
    /// they may see (restricted ones naming their organisation, drafts' issued messages, exercises).
    /// </summary>
    private static async Task<IResult> GetCapDocument(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var messages = await MessagesAsync(id, sender, http, ct);
        if (messages.Current is not { } current)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not issued yet.", detail: "This warning is a draft: it has issued no CAP message yet.");
        }

        // A message never changes once issued, so its identifier is a perfect entity tag.
        var tag = $"\"{current.Identifier}\"";
        http.Response.Headers.ETag = tag;
        if (!(http.User.Identity?.IsAuthenticated ?? false))
        {
            http.Response.Headers.CacheControl = $"public, max-age={(int)WarningsSetup.CacheFor.TotalSeconds}";
        }

        return http.Request.Headers.IfNoneMatch.Contains(tag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Text(current.Xml, CapDocument.MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Every message of the warning, oldest first (identifier, sent, type and the document itself).</summary>
    private static async Task<Ok<WarningMessages>> GetWarningMessages(Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await MessagesAsync(id, sender, http, ct));

    private static async Task<WarningMessages> MessagesAsync(Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        http.User.Identity?.IsAuthenticated == true
            ? await sender.Send(new GetWarningMessagesQuery(id), ct)
            : await sender.Send(new GetPublicWarningMessagesQuery(id), ct);

    /// <summary>
    /// Atom: the public, real warnings in force, one entry each linking its CAP document. <c>?area=lat,lon,km</c>
    /// keeps those touching that circle. Conditional GET with ETag / If-None-Match.
    /// </summary>
    private static async Task<IResult> GetFeed(string? area, ISender sender, HttpContext http, CancellationToken ct)
    {
        PublicWarnings warnings;
        try
        {
            warnings = await sender.Send(new ListPublicWarningsQuery { Area = area }, ct);
        }
        catch (ValidationException invalid)
        {
            return TypedResults.ValidationProblem(
                invalid.Errors.GroupBy(e => "area").ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
                detail: "Correct the 'area' parameter and ask again.",
                title: "The request has invalid fields.");
        }

        var feed = WarningFeed.Write(warnings, PortalBase(http), area);
        var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feed)))[..32]}\"";
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = $"public, max-age={(int)WarningsSetup.CacheFor.TotalSeconds}";
        return http.Request.Headers.IfNoneMatch.Contains(tag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Text(feed, WarningFeed.MediaType, Encoding.UTF8);
    }

    /// <summary>The portal's configured public address (Mail:PortalUrl), never the request's Host header.</summary>
    private static Uri PortalBase(HttpContext http) => http.RequestServices.GetRequiredService<Application.Mail.PortalLinks>().PortalUrl;
}
