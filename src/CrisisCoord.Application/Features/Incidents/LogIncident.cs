using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;
using FluentValidation;
using Mediator;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>Agency staff, coordinators and citizens log a new incident; it starts unverified as Reported.</summary>
[RecordedAs(typeof(Incident))]
[Performs(Act.LogIncident)]
public sealed record LogIncidentCommand : ICommand<IncidentDto>
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public IncidentCategory? Category { get; init; }

    /// <summary>The grade, I to IV, if the reporter can tell; without it the report awaits a verifier's grade.</summary>
    public Severity? Severity { get; init; }

    public string? PlaceName { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>A telephone number to call the reporter back on (optional); shown only to those who see the incident's detail.</summary>
    public string? CallbackNumber { get; init; }

    /// <summary>Keep the location (Exif/XMP) in the photos; by default it is taken out before they are stored.</summary>
    public bool KeepPhotoLocation { get; init; }

    /// <summary>Up to three photos, sent as multipart form parts (POST /api/v1/reports, or the report page), never in JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];
}

public sealed class LogIncidentCommandValidator : AbstractValidator<LogIncidentCommand>
{
    public LogIncidentCommandValidator()
    {
        RuleFor(x => x.Title)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.GiveIncidentShortTitle"))
            .MaximumLength(Incident.TitleMaxLength)
            .PlainText();
        RuleFor(x => x.Description)
            .MaximumLength(Incident.DescriptionMaxLength)
            .PlainText();
        RuleFor(x => x.Category)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.ChooseCategory"))
            .Known();
        // Optional: who reports rarely knows the grade; a verifier sets it (Incident.Verify).
        RuleFor(x => x.Severity)
            .Known();
        RuleFor(x => x.PlaceName)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.SayWhereIncidentPlace"))
            .MaximumLength(Incident.PlaceNameMaxLength)
            .PlainText()
            .WithName(_ => Texts.Get("Validation.Name.PlaceName"));
        RuleFor(x => x.Latitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.LatitudeRequired"))
            .Latitude();
        RuleFor(x => x.Longitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.LongitudeRequired"))
            .Longitude();
        RuleFor(x => x.CallbackNumber)
            .Must(n => string.IsNullOrWhiteSpace(n) || CallbackNumbers.Normalise(n) is not null)
            .WithMessage(_ => Texts.Get("Validation.Incidents.CallbackNumber"))
            .WithName(_ => Texts.Get("Validation.Name.CallBackNumber"));
        RuleFor(x => x.Photos).Custom((photos, context) =>
        {
            foreach (var failure in ReportPhotoRules.Problems(photos ?? []))
            {
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class LogIncidentCommandHandler(AppDbContext db, TimeProvider clock, ICurrentUser user)
    : ICommandHandler<LogIncidentCommand, IncidentDto>
{
    public const string ReporterNote = "Reported the incident";

    public async ValueTask<IncidentDto> Handle(LogIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = Incident.Report(
            command.Title!,
            command.Description ?? "",
            command.Category!.Value,
            command.Severity,
            command.PlaceName!,
            command.Latitude!.Value,
            command.Longitude!.Value,
            clock.GetUtcNow(),
            new Reporter(user.UserId!.Value, user.OrganisationId));

        db.Incidents.Add(incident);
        if (user.OrganisationId is { } organisation)
        {
            // The reporting organisation takes part from the start: it can report on, and be given work in, what it reported.
            db.IncidentParticipants.Add(IncidentParticipant.Admit(incident.Id, organisation, ReporterNote, user.UserId, incident.ReportedAt));
        }

        // Every report is kept as the reporter's own, so they can follow it (My reports) wherever it goes.
        var report = IncidentReport.File(incident.Id, user.UserId!.Value, user.OrganisationId, command.CallbackNumber ?? "", command.KeepPhotoLocation, incident.ReportedAt);
        db.IncidentReports.Add(report);
        for (var i = 0; i < command.Photos.Count; i++)
        {
            var photo = ReportPhotoRules.Prepare(command.Photos[i], i + 1, command.KeepPhotoLocation);
            db.ReportPhotos.Add(ReportPhoto.Store(report, i + 1, photo.Format.ContentType(), photo.FileName, photo.Content, photo.Sha256, photo.MetadataRemoved, incident.ReportedAt));
        }

        // Saved here (inside the pipeline's transaction) so the response carries the stored version.
        await db.SaveChangesAsync(cancellationToken);
        return IncidentDto.From(incident);
    }
}
