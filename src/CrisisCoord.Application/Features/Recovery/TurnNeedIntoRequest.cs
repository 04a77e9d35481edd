using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>
/// A coordinator asks for an assessed need in one click: a resource request for its type and quantity, delivered to the
/// assessed place; the need then names the request, so it is not asked for twice.
/// </summary>
[Performs(Act.TurnNeedIntoRequest)]
[RecordedAs(typeof(AssessmentNeed))]
public sealed record TurnNeedIntoRequestCommand : ICommand<AssessmentDto>, IIncidentMessage
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    /// <summary>The need (from the address).</summary>
    public Guid NeedId { get; init; }

    /// <summary>Low, Normal (default), High or Urgent.</summary>
    public TaskPriority? Priority { get; init; }

    public DateTimeOffset? NeededBy { get; init; }
}

public sealed class TurnNeedIntoRequestCommandValidator : AbstractValidator<TurnNeedIntoRequestCommand>
{
    public TurnNeedIntoRequestCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Priority).Known().WithMessage(x => EnumText.NotValidMessage<TaskPriority>(x.Priority.ToString()));
        RuleFor(x => x.NeededBy)
            .Must(t => t > clock.GetUtcNow())
            .When(x => x.NeededBy is not null)
            .WithMessage(_ => Texts.Get("Validation.Recovery.NeededPastGiveTime"));
    }
}

public sealed class TurnNeedIntoRequestCommandHandler(AppDbContext db, ISender sender) : ICommandHandler<TurnNeedIntoRequestCommand, AssessmentDto>
{
    public async ValueTask<AssessmentDto> Handle(TurnNeedIntoRequestCommand command, CancellationToken cancellationToken)
    {
        var found = await (
                from n in db.AssessmentNeeds
                join a in db.DamageAssessments on n.AssessmentId equals a.Id
                join t in db.ResourceTypes on n.ResourceTypeId equals t.Id
                where n.Id == command.NeedId && a.IncidentId == command.IncidentId
                select new { Need = n, a.PlaceName, a.Latitude, a.Longitude, t.Code })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Need", command.NeedId);
        if (AssessmentNeed.WhyNotRequest(found.Need.RequestId) is { } why)
        {
            throw new DomainRuleException(why);
        }

        // The one way requests are raised, with its own rule and checks, inside this command's transaction.
        var request = await sender.Send(
            new RaiseResourceRequestCommand
            {
                IncidentId = command.IncidentId,
                Type = found.Code,
                Quantity = found.Need.Quantity,
                NeededBy = command.NeededBy,
                DeliveryPlace = found.PlaceName,
                DeliveryLatitude = found.Latitude,
                DeliveryLongitude = found.Longitude,
                Priority = command.Priority,
                Notes = $"Assessed need at {found.PlaceName}; from assessment {found.Need.AssessmentId}: /Incidents/{command.IncidentId}/Assessments#assessment-{found.Need.AssessmentId}",
            },
            cancellationToken);
        found.Need.Requested(request.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await AssessmentDto.LoadOneAsync(db, command.IncidentId, found.Need.AssessmentId, cancellationToken);
    }
}
