using System.Globalization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Web.Api;

/// <summary>Reports with photos, the reporter's own reports, an incident's reports, and the photos themselves.</summary>
public static class ReportsEndpoints
{
    /// <summary>Room for three photos of 10 MB, encoded, plus the fields: a file a little too large is refused by name, not cut off.</summary>
    public const long MaxRequestBytes = (2L * IncidentReport.MaxPhotos * ReportPhoto.MaxBytes) + (1024 * 1024);

    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports");
        reports.MapPost("/", ReportIncident).WithName(nameof(ReportIncident))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithDescription(
                "multipart/form-data: the fields of POST /api/v1/incidents (title, description, category, severity, placeName, latitude, longitude), " +
                "callbackNumber, keepPhotoLocation (true to keep the location in the photos), and up to three parts named 'photos' (JPEG, PNG or WebP, 10 MB each).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/me/reports", ListMyReports).WithName(nameof(ListMyReports)).WithTags("Reports");
        app.MapGet("/incidents/{id:guid}/reports", ListIncidentReports).WithName(nameof(ListIncidentReports)).WithTags("Reports")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/photos/{id:guid}", GetReportPhoto).WithName(nameof(GetReportPhoto)).WithTags("Reports")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp"])
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<CreatedAtRoute<IncidentDto>, ProblemHttpResult>> ReportIncident(HttpRequest request, ISender sender, CancellationToken ct)
    {
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type",
                detail: "Send the report as multipart/form-data, the photos as parts named 'photos'; without photos, POST /api/v1/incidents takes JSON.");
        }

        var command = await ReadAsync(request, ct);
        var incident = await sender.Send(command, ct);
        request.HttpContext.Response.Headers.ETag = ETags.For(incident.Version);
        return TypedResults.CreatedAtRoute(incident, "GetIncident", new { id = incident.Id });
    }

    private static async Task<Ok<IReadOnlyList<MyReportDto>>> ListMyReports(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMyReportsQuery(), ct));

    private static async Task<Ok<IReadOnlyList<IncidentReportDto>>> ListIncidentReports(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListIncidentReportsQuery(id), ct));

    private static async Task<FileContentHttpResult> GetReportPhoto(Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        PhotoResponses.Send(http.Response, await sender.Send(new GetReportPhotoQuery(id), ct));

    /// <summary>
    /// The form's fields as the JSON body's, read by the same names; every field that cannot be read is named at
    /// once, as the JSON reader and the validator do.
    /// </summary>
    private static async Task<LogIncidentCommand> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            throw new ValidationException([new ValidationFailure("photos", Texts.Format("Validation.Upload.NotAForm", ex.Message))]);
        }

        var failures = new List<ValidationFailure>();
        string? Text(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        TEnum? Choice<TEnum>(string name)
            where TEnum : struct, Enum
        {
            var text = Text(name);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (EnumText.TryParse<TEnum>(text, out var value))
            {
                return value;
            }

            failures.Add(new ValidationFailure(name, EnumText.NotValidMessage<TEnum>(text)));
            return null;
        }

        double? Number(string name)
        {
            var text = Text(name);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            failures.Add(new ValidationFailure(name, Texts.Format("Validation.Upload.NotANumber", text)));
            return null;
        }

        var keep = Text("keepPhotoLocation")?.Trim().ToLowerInvariant();
        if (keep is not (null or "" or "true" or "false" or "on"))
        {
            failures.Add(new ValidationFailure("keepPhotoLocation", Texts.Format("Validation.Upload.NotTrueOrFalse", keep)));
        }

        var photos = new List<PhotoUpload>();
        foreach (var file in form.Files.GetFiles("photos"))
        {
            await using var stream = file.OpenReadStream();
            photos.Add(await PhotoUpload.ReadAsync(file.FileName, stream, ct));
        }

        var command = new LogIncidentCommand
        {
            Title = Text("title"),
            Description = Text("description"),
            Category = Choice<IncidentCategory>("category"),
            Severity = Choice<Severity>("severity"),
            PlaceName = Text("placeName"),
            Latitude = Number("latitude"),
            Longitude = Number("longitude"),
            CallbackNumber = Text("callbackNumber"),
            KeepPhotoLocation = keep is "true" or "on",
            Photos = photos,
        };
        return failures.Count > 0 ? throw new ValidationException(failures) : command;
    }
}

/// <summary>
/// How a photo is sent, to the API and the pages alike: its own type with nosniff, shown inline under a safe name,
/// never kept by a shared cache (it is as private as the incident it belongs to).
/// </summary>
public static class PhotoResponses
{
    public const string CacheControl = "private, no-store";

    public static FileContentHttpResult Send(HttpResponse response, ReportPhotoFile photo)
    {
        Prepare(response, photo);
        return TypedResults.File(photo.Content, photo.ContentType);
    }

    public static void Prepare(HttpResponse response, ReportPhotoFile photo)
    {
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(photo.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = CacheControl;
        response.Headers.ETag = $"\"{photo.Sha256}\"";
    }
}
