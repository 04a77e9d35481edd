using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>Those running a shelter, or a coordinator, say how many people are there now; never more than it holds.</summary>
[Performs(Act.UpdateShelterOccupancy)]
[RecordedAs(typeof(Shelter))]
public sealed record UpdateShelterOccupancyCommand : ICommand<ShelterDto>, IShelterMessage
{
    /// <summary>The shelter (from the address).</summary>
    public Guid ShelterId { get; init; }

    public int? Occupancy { get; init; }

    /// <summary>The version seen (the ETag, sent as If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class UpdateShelterOccupancyCommandValidator : AbstractValidator<UpdateShelterOccupancyCommand>
{
    public UpdateShelterOccupancyCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Version).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhichVersionSaw"));
        RuleFor(x => x.Occupancy)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayHowManyPeople3"))
            .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Recovery.Occupancy0More"))
            .CustomAsync(async (occupancy, context, ct) =>
            {
                // Read here, so the error names the field; the shelter's own rule and the table's constraint hold it too.
                var capacity = await db.Shelters.Where(s => s.Id == context.InstanceToValidate.ShelterId).Select(s => (int?)s.Capacity).SingleOrDefaultAsync(ct);
                if (occupancy is { } n and >= 0 && capacity is { } c && Shelter.WhyNotOccupancy(n, c) is { } why)
                {
                    context.AddFailure(why.Say());
                }
            });
    }
}

public sealed class UpdateShelterOccupancyCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<UpdateShelterOccupancyCommand, ShelterDto>
{
    public async ValueTask<ShelterDto> Handle(UpdateShelterOccupancyCommand command, CancellationToken cancellationToken)
    {
        var shelter = await db.Shelters.SingleOrDefaultAsync(s => s.Id == command.ShelterId, cancellationToken)
            ?? throw new NotFoundException("Shelter", command.ShelterId);
        db.ExpectVersion(shelter, command.Version);
        shelter.SetOccupancy(command.Occupancy!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await ShelterDto.LoadAsync(db, null, shelter.Id, cancellationToken)).Single();
    }
}
