using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.CheckIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>The person says again how and where they are: safe now, or in need of help after all, or somewhere else.</summary>
[Performs(Act.UpdateCheckIn)]
[RecordedAs(typeof(CheckIn))]
public sealed record UpdateCheckInCommand : ICommand<CheckInDto>, ICheckInMessage, ICheckInFields
{
    /// <summary>The check-in (from the address).</summary>
    public Guid CheckInId { get; init; }

    public CheckInStatus? Status { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? PlaceName { get; init; }

    public string? Note { get; init; }

    /// <summary>The version the person saw; the update is refused if the check-in changed meanwhile.</summary>
    public uint? Version { get; init; }
}

public sealed class UpdateCheckInCommandValidator : AbstractValidator<UpdateCheckInCommand>
{
    public UpdateCheckInCommandValidator(AppDbContext db)
    {
        this.AddCheckInFieldRules();
        RuleFor(x => x.Latitude)
            .MustAsync(async (command, _, ct) =>
            {
                var incident = await db.CheckIns.Where(c => c.Id == command.CheckInId)
                    .Join(db.Incidents, c => c.IncidentId, i => i.Id, (_, i) => i)
                    .AsNoTracking().SingleAsync(ct);
                return CheckIn.IsNear(incident, command.Latitude!.Value, command.Longitude!.Value);
            })
            .When(x => x.HasValidPosition())
            .WithMessage(_ => CheckInFieldRules.NotNear);
    }
}

public sealed class UpdateCheckInCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<UpdateCheckInCommand, CheckInDto>
{
    public async ValueTask<CheckInDto> Handle(UpdateCheckInCommand command, CancellationToken cancellationToken)
    {
        var checkIn = await db.CheckIns.SingleAsync(c => c.Id == command.CheckInId, cancellationToken);
        db.ExpectVersion(checkIn, command.Version);
        checkIn.Update(command.Status!.Value, command.Latitude!.Value, command.Longitude!.Value, command.PlaceName ?? "", command.Note ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await CheckInDto.LoadAsync(db, checkIn.Id, cancellationToken);
    }
}
