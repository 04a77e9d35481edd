using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>A coordinator corrects an incident's description, place and area, saying why; the timeline keeps both.</summary>
[RecordedAs(typeof(Incident))]
[Performs(Act.EditIncident)]
public sealed record EditIncidentCommand : ICommand<IncidentDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public string? Description { get; init; }

    public string? PlaceName { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>The area as a closed polygon, <c>lat,lon lat,lon …</c> with the first point repeated last; empty for none.</summary>
    public string? Area { get; init; }

    public string? Reason { get; init; }

    /// <summary>The version the sender saw (If-Match); the change is refused if the incident changed since.</summary>
    public uint? Version { get; init; }
}

public sealed class EditIncidentCommandValidator : AbstractValidator<EditIncidentCommand>
{
    public EditIncidentCommandValidator()
    {
        RuleFor(x => x.Description).MaximumLength(Incident.DescriptionMaxLength).PlainText();
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
        RuleFor(x => x.Area).Custom((area, context) =>
        {
            if (!string.IsNullOrWhiteSpace(area) && WarningArea.ParsePolygon(area).Problem is { } problem)
            {
                context.AddFailure(nameof(EditIncidentCommand.Area), $"The area is not a polygon the portal can use: {problem}.");
            }
        });
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(_ => IncidentCommands.ReasonRequired)
            .MaximumLength(Incident.ReasonMaxLength)
            .PlainText();
    }
}

public sealed class EditIncidentCommandHandler(AppDbContext db) : ICommandHandler<EditIncidentCommand, IncidentDto>
{
    public async ValueTask<IncidentDto> Handle(EditIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForChangeAsync(command.IncidentId, command.Version, cancellationToken);
        var area = string.IsNullOrWhiteSpace(command.Area) ? null : WarningArea.ParsePolygon(command.Area).Points;
        incident.Correct(command.Description ?? "", command.PlaceName!, command.Latitude!.Value, command.Longitude!.Value, area, command.Reason!);
        await db.SaveChangesAsync(cancellationToken);
        return IncidentDto.From(incident);
    }
}
