using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>An organisation taking part opens a shelter it runs for people the incident displaced: where, and how many it holds.</summary>
[Performs(Act.OpenShelter)]
[RecordedAs(typeof(Shelter))]
public sealed record OpenShelterCommand : ICommand<ShelterDto>, IIncidentMessage
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    public string? Name { get; init; }

    public string? PlaceName { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>How many people it holds.</summary>
    public int? Capacity { get; init; }

    /// <summary>How many are there now (0 if none yet).</summary>
    public int? Occupancy { get; init; }
}

public sealed class OpenShelterCommandValidator : AbstractValidator<OpenShelterCommand>
{
    public OpenShelterCommandValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.NameShelterEG"))
            .MaximumLength(Shelter.NameMaxLength)
            .PlainText();
        RuleFor(x => x.PlaceName)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhereShelterAddress"))
            .MaximumLength(Shelter.PlaceNameMaxLength)
            .PlainText();
        RuleFor(x => x.Latitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GiveShelterSLatitude"))
            .Latitude();
        RuleFor(x => x.Longitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GiveShelterSLongitude"))
            .Longitude();
        RuleFor(x => x.Capacity)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayHowManyPeople"))
            .InclusiveBetween(1, Shelter.MaxCapacity).WithMessage(_ => Texts.Format("Validation.Recovery.ShelterHoldsBetween1", Shelter.MaxCapacity));
        RuleFor(x => x.Occupancy)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayHowManyPeople2"))
            .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Recovery.Occupancy0More"))
            .Must((x, n) => n <= x.Capacity).When(x => x.Capacity is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(x => Shelter.WhyNotOccupancy(x.Occupancy!.Value, x.Capacity!.Value)?.Say());
    }
}

public sealed class OpenShelterCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenShelterCommand, ShelterDto>
{
    public async ValueTask<ShelterDto> Handle(OpenShelterCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);
        var shelter = Shelter.Open(
            command.IncidentId,
            user.OrganisationId ?? throw new NotAuthenticatedException(),
            command.Name!,
            new GeoPlace(command.PlaceName!, command.Latitude!.Value, command.Longitude!.Value),
            command.Capacity!.Value,
            command.Occupancy!.Value,
            clock.GetUtcNow());
        db.Shelters.Add(shelter);
        await db.SaveChangesAsync(cancellationToken);
        return (await ShelterDto.LoadAsync(db, null, shelter.Id, cancellationToken)).Single();
    }
}
