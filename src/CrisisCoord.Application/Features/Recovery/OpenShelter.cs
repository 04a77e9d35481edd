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
            .NotEmpty().WithMessage("Name the shelter (e.g. Qinghe Middle School gym).")
            .MaximumLength(Shelter.NameMaxLength)
            .PlainText();
        RuleFor(x => x.PlaceName)
            .NotEmpty().WithMessage("Say where the shelter is (an address or a place name).")
            .MaximumLength(Shelter.PlaceNameMaxLength)
            .PlainText();
        RuleFor(x => x.Latitude)
            .NotNull().WithMessage("Give the shelter's latitude.")
            .Latitude();
        RuleFor(x => x.Longitude)
            .NotNull().WithMessage("Give the shelter's longitude.")
            .Longitude();
        RuleFor(x => x.Capacity)
            .NotNull().WithMessage("Say how many people the shelter holds.")
            .InclusiveBetween(1, Shelter.MaxCapacity).WithMessage($"A shelter holds between 1 and {Shelter.MaxCapacity:N0} people.");
        RuleFor(x => x.Occupancy)
            .NotNull().WithMessage("Say how many people are there now (0 if none yet).")
            .GreaterThanOrEqualTo(0).WithMessage("Occupancy is 0 or more.")
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
