using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>
/// Someone in or near an incident's area says, during its response, that they are safe or need help, and where. Only
/// they and the incident's coordinators will read it.
/// </summary>
[Performs(Act.PostCheckIn)]
[RecordedAs(typeof(CheckIn))]
public sealed record PostCheckInCommand : ICommand<CheckInDto>, IIncidentMessage, ICheckInFields
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    /// <summary>Safe or NeedsHelp.</summary>
    public CheckInStatus? Status { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>Optional: a street, a building, a landmark.</summary>
    public string? PlaceName { get; init; }

    /// <summary>Optional: who is with you, what you need.</summary>
    public string? Note { get; init; }
}

public sealed class PostCheckInCommandValidator : AbstractValidator<PostCheckInCommand>
{
    public PostCheckInCommandValidator(AppDbContext db)
    {
        this.AddCheckInFieldRules();
        RuleFor(x => x.Latitude)
            .MustAsync(async (command, _, ct) => CheckIn.IsNear(await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == command.IncidentId, ct), command.Latitude!.Value, command.Longitude!.Value))
            .When(x => x.HasValidPosition())
            .WithMessage(_ => CheckInFieldRules.NotNear);
    }
}

public sealed class PostCheckInCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PostCheckInCommand, CheckInDto>
{
    public async ValueTask<CheckInDto> Handle(PostCheckInCommand command, CancellationToken cancellationToken)
    {
        var me = user.UserId!.Value;
        if (await db.CheckIns.AnyAsync(c => c.IncidentId == command.IncidentId && c.UserId == me, cancellationToken))
        {
            throw new DomainRuleException(new("Rule.CheckIn.Already", "You have already checked in on this incident; update your check-in instead."));
        }

        var checkIn = CheckIn.Post(
            command.IncidentId, me, user.OrganisationId, command.Status!.Value, command.Latitude!.Value, command.Longitude!.Value,
            command.PlaceName ?? "", command.Note ?? "", clock.GetUtcNow());
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        return await CheckInDto.LoadAsync(db, checkIn.Id, cancellationToken);
    }
}
