using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>
/// An organisation taking part records relief it handed out from one of its own resources: how much, where (a shelter of
/// the incident, or a place) and to how many households. The quantity leaves the resource's stock for good; what is
/// committed to requests stays reserved, so a hand-out that would eat into it is refused and nothing is written.
/// </summary>
[Performs(Act.DistributeRelief)]
[RecordedAs(typeof(ReliefDistribution))]
public sealed record DistributeReliefCommand : ICommand<DistributionDto>, IIncidentMessage
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    /// <summary>One of the distributing organisation's registered resources.</summary>
    public Guid? ResourceId { get; init; }

    public decimal? Quantity { get; init; }

    /// <summary>A shelter of the incident it was handed out at; else give the place.</summary>
    public Guid? ShelterId { get; init; }

    public string? PlaceName { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public int? Households { get; init; }

    public string? Notes { get; init; }
}

public sealed class DistributeReliefCommandValidator : AbstractValidator<DistributeReliefCommand>
{
    public DistributeReliefCommandValidator(AppDbContext db, ICurrentUser user)
    {
        RuleFor(x => x.ResourceId)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhichOrganisationS"))
            .MustAsync((id, ct) => db.Resources.AnyAsync(r => r.Id == id && r.OrganisationId == user.OrganisationId, ct))
            .When(x => x.ResourceId is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Texts.Get("Validation.Recovery.OrganisationSRegisteredResources"));
        RuleFor(x => x.Quantity)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayHowMuchWas"))
            .GreaterThan(0).WithMessage(_ => Texts.Get("Validation.Recovery.DistributionHandsOutMore"))
            .LessThanOrEqualTo(Resource.MaxQuantity).WithMessage(_ => Texts.Format("Validation.Recovery.DistributionMost", Resource.MaxQuantity))
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage(_ => Texts.Get("Validation.Recovery.QuantityMostTwoDecimals"));
        RuleFor(x => x.ShelterId)
            .MustAsync((x, id, ct) => db.Shelters.AnyAsync(s => s.Id == id && s.IncidentId == x.IncidentId, ct))
            .When(x => x.ShelterId is not null)
            .WithMessage(_ => Texts.Get("Validation.Recovery.IncidentSShelters"));
        When(x => x.ShelterId is null, () =>
        {
            RuleFor(x => x.PlaceName)
                .NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhereWasHanded"));
            RuleFor(x => x.Latitude)
                .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GivePlaceSLatitude"))
                .Latitude();
            RuleFor(x => x.Longitude)
                .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GivePlaceSLongitude"))
                .Longitude();
        });
        RuleFor(x => x.PlaceName).MaximumLength(ReliefDistribution.PlaceNameMaxLength).PlainText();
        RuleFor(x => x.Households)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayHowManyHouseholds"))
            .InclusiveBetween(1, ReliefDistribution.MaxHouseholds).WithMessage(_ => Texts.Format("Validation.Recovery.DistributionReachesBetween1", ReliefDistribution.MaxHouseholds));
        RuleFor(x => x.Notes).MaximumLength(ReliefDistribution.NotesMaxLength).PlainText();
    }
}

public sealed class DistributeReliefCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DistributeReliefCommand, DistributionDto>
{
    public async ValueTask<DistributionDto> Handle(DistributeReliefCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);
        // The resource's row lock: a second hand-out from the same stock waits here and then reads what this one left.
        var resource = await db.LockResourceAsync(command.ResourceId!.Value, cancellationToken);
        resource.Consume(command.Quantity!.Value);
        var place = command.ShelterId is { } shelterId
            ? await db.Shelters.Where(s => s.Id == shelterId).Select(s => new GeoPlace(s.PlaceName, s.Latitude, s.Longitude)).SingleAsync(cancellationToken)
            : new GeoPlace(command.PlaceName!, command.Latitude!.Value, command.Longitude!.Value);
        var distribution = ReliefDistribution.Record(
            command.IncidentId,
            resource.OrganisationId,
            resource.Id,
            resource.ResourceTypeId,
            command.Quantity!.Value,
            command.ShelterId,
            place,
            command.Households!.Value,
            command.Notes ?? "",
            user.UserId,
            clock.GetUtcNow());
        db.ReliefDistributions.Add(distribution);
        await db.SaveChangesAsync(cancellationToken);
        return (await DistributionDto.LoadAsync(db, command.IncidentId, distribution.Id, cancellationToken)).Single();
    }
}
