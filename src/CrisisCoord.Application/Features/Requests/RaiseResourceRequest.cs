using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>A coordinator asks for resources on an incident: so many of a type, at a place, by a time.</summary>
[RecordedAs(typeof(ResourceRequest))]
[Performs(Act.RaiseRequest)]
public sealed record RaiseResourceRequestCommand : ICommand<ResourceRequestDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    /// <summary>A catalogue code, e.g. rescue-boat.</summary>
    public string? Type { get; init; }

    public decimal? Quantity { get; init; }

    public DateTimeOffset? NeededBy { get; init; }

    public string? DeliveryPlace { get; init; }

    public double? DeliveryLatitude { get; init; }

    public double? DeliveryLongitude { get; init; }

    /// <summary>Low, Normal (default), High or Urgent.</summary>
    public TaskPriority? Priority { get; init; }

    public string? Notes { get; init; }
}

public sealed class RaiseResourceRequestCommandValidator : AbstractValidator<RaiseResourceRequestCommand>
{
    public RaiseResourceRequestCommandValidator(AppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Type)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Requests.SayWhatTypeResource"))
            .MustAsync((code, ct) => db.ResourceTypes.AnyAsync(t => t.Code == code, ct))
            .When(x => !string.IsNullOrWhiteSpace(x.Type), ApplyConditionTo.CurrentValidator)
            .WithMessage(x => Texts.Format("Validation.Recovery.ResourceCatalogueUseCode", x.Type));
        RuleFor(x => x.Quantity)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayHowManyNeeded"))
            .GreaterThan(0).WithMessage(_ => Texts.Get("Validation.Requests.AskMoreThanZero"))
            .LessThanOrEqualTo(Resource.MaxQuantity).WithMessage(_ => Texts.Format("Validation.Requests.AskMost", Resource.MaxQuantity))
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage(_ => Texts.Get("Validation.Recovery.QuantityMostTwoDecimals"));
        RuleFor(x => x.NeededBy)
            .Must(t => t > clock.GetUtcNow())
            .When(x => x.NeededBy is not null)
            .WithMessage(_ => Texts.Get("Validation.Recovery.NeededPastGiveTime"));
        RuleFor(x => x.DeliveryPlace)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Requests.SayWhereDeliverPlace"))
            .MaximumLength(ResourceRequest.PlaceMaxLength)
            .PlainText();
        RuleFor(x => x.DeliveryLatitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Requests.GiveDeliveryLatitude"))
            .Latitude();
        RuleFor(x => x.DeliveryLongitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Requests.GiveDeliveryLongitude"))
            .Longitude();
        RuleFor(x => x.Priority).Known().WithMessage(x => EnumText.NotValidMessage<TaskPriority>(x.Priority.ToString()));
        RuleFor(x => x.Notes).MaximumLength(ResourceRequest.NotesMaxLength).PlainText();
    }
}

public sealed class RaiseResourceRequestCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RaiseResourceRequestCommand, ResourceRequestDto>
{
    public async ValueTask<ResourceRequestDto> Handle(RaiseResourceRequestCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);
        var type = await db.ResourceTypes.Where(t => t.Code == command.Type).Select(t => t.Id).SingleAsync(cancellationToken);
        var priority = command.Priority ?? TaskPriority.Normal;
        var request = ResourceRequest.Raise(
            command.IncidentId, type, command.Quantity!.Value, command.NeededBy,
            new GeoPlace(command.DeliveryPlace!, command.DeliveryLatitude!.Value, command.DeliveryLongitude!.Value),
            priority, command.Notes ?? "", user.UserId, user.OrganisationId ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        db.ResourceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return await RequestThreads.LoadOneAsync(db, request.Id, cancellationToken);
    }
}
