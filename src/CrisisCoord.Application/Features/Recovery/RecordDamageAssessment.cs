using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
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

/// <summary>One need on the assessment form: a catalogue code and how many; a row with neither is left out (the form offers spare rows).</summary>
public sealed record AssessmentNeedInput
{
    /// <summary>A catalogue code, e.g. drinking-water.</summary>
    public string? Type { get; init; }

    public decimal? Quantity { get; init; }
}

/// <summary>
/// A team that takes part records what it found at one place: buildings by damage level, people displaced, injured and
/// missing, how power, water, roads and telecoms stand, and what is needed there.
/// </summary>
[Performs(Act.RecordAssessment)]
[RecordedAs(typeof(DamageAssessment))]
public sealed record RecordDamageAssessmentCommand : ICommand<AssessmentDto>, IIncidentMessage
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    /// <summary>The place assessed; places with the same name (whatever the case) are summed as one area.</summary>
    public string? PlaceName { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public int? BuildingsDestroyed { get; init; }

    public int? BuildingsSevere { get; init; }

    public int? BuildingsModerate { get; init; }

    public int? BuildingsMinor { get; init; }

    public int? PeopleDisplaced { get; init; }

    public int? PeopleInjured { get; init; }

    public int? PeopleMissing { get; init; }

    /// <summary>Working, Degraded or Out.</summary>
    public LifelineStatus? Power { get; init; }

    public LifelineStatus? Water { get; init; }

    public LifelineStatus? Roads { get; init; }

    public LifelineStatus? Telecoms { get; init; }

    public IReadOnlyList<AssessmentNeedInput>? Needs { get; init; }

    public string? Notes { get; init; }
}

public sealed class RecordDamageAssessmentCommandValidator : AbstractValidator<RecordDamageAssessmentCommand>
{
    public RecordDamageAssessmentCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.PlaceName)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhichPlaceWas"))
            .MaximumLength(DamageAssessment.PlaceNameMaxLength)
            .PlainText();
        RuleFor(x => x.Latitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GivePlaceSLatitude"))
            .Latitude();
        RuleFor(x => x.Longitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GivePlaceSLongitude"))
            .Longitude();
        Count(x => x.BuildingsDestroyed, "BuildingsDestroyed");
        Count(x => x.BuildingsSevere, "BuildingsSevere");
        Count(x => x.BuildingsModerate, "BuildingsModerate");
        Count(x => x.BuildingsMinor, "BuildingsMinor");
        Count(x => x.PeopleDisplaced, "PeopleDisplaced");
        Count(x => x.PeopleInjured, "PeopleInjured");
        Count(x => x.PeopleMissing, "PeopleMissing");
        Lifeline(x => x.Power, "Power");
        Lifeline(x => x.Water, "Water");
        Lifeline(x => x.Roads, "Roads");
        Lifeline(x => x.Telecoms, "Telecoms");
        RuleFor(x => x.Needs)
            .Must(n => n!.Count <= DamageAssessment.MaxNeeds).WithMessage(_ => Texts.Format("Validation.Recovery.ListMostNeeds", DamageAssessment.MaxNeeds))
            .Must(n => n!.Where(i => !string.IsNullOrWhiteSpace(i?.Type)).Select(i => i!.Type).Distinct(StringComparer.Ordinal).Count() == n!.Count(i => !string.IsNullOrWhiteSpace(i?.Type)))
            .WithMessage(_ => Texts.Get("Validation.Recovery.ListEachResourceType"))
            .When(x => x.Needs is not null);
        RuleForEach(x => x.Needs).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.NeedTypeQuantity"));
        RuleForEach(x => x.Needs).ChildRules(need =>
        {
            need.RuleFor(n => n.Type)
                .NotEmpty().When(n => n.Quantity is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => Texts.Get("Validation.Recovery.SayWhatTypeResource"))
                .MustAsync((code, ct) => db.ResourceTypes.AnyAsync(t => t.Code == code, ct))
                .When(n => !string.IsNullOrWhiteSpace(n.Type), ApplyConditionTo.CurrentValidator)
                .WithMessage(n => Texts.Format("Validation.Recovery.ResourceCatalogueUseCode", n.Type));
            need.RuleFor(n => n.Quantity)
                .NotNull().When(n => !string.IsNullOrWhiteSpace(n.Type), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => Texts.Get("Validation.Recovery.SayHowManyNeeded"))
                .GreaterThan(0).WithMessage(_ => Texts.Get("Validation.Recovery.NeedMoreThanZero"))
                .LessThanOrEqualTo(Resource.MaxQuantity).WithMessage(_ => Texts.Format("Validation.Recovery.NeedMost", Resource.MaxQuantity))
                .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage(_ => Texts.Get("Validation.Recovery.QuantityMostTwoDecimals"));
        }).When(x => x.Needs is not null);
        RuleFor(x => x.Notes).MaximumLength(DamageAssessment.NotesMaxLength).PlainText();
    }

    private void Count(Expression<Func<RecordDamageAssessmentCommand, int?>> field, string counted) =>
        RuleFor(field)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Recovery.GiveNumber0None", What(counted)))
            .InclusiveBetween(0, DamageCounts.MaxCount).WithMessage(_ => Texts.Format("Validation.Recovery.NumberBetween0", What(counted), DamageCounts.MaxCount));

    /// <summary>What a count or lifeline field is, in words; the field keeps its code name.</summary>
    private static string What(string counted) => Texts.Get("Validation.Recovery.Counted." + counted);

    private void Lifeline(Expression<Func<RecordDamageAssessmentCommand, LifelineStatus?>> field, string counted) =>
        RuleFor(field)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Recovery.GiveStateWorkingDegraded", What(counted)))
            .Known().WithMessage((_, value) => EnumText.NotValidMessage<LifelineStatus>(value.ToString()));
}

public sealed class RecordDamageAssessmentCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordDamageAssessmentCommand, AssessmentDto>
{
    public async ValueTask<AssessmentDto> Handle(RecordDamageAssessmentCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);
        var inputs = (command.Needs ?? []).Where(n => n is not null && !string.IsNullOrWhiteSpace(n.Type)).ToList();
        var codes = inputs.Select(n => n.Type!).ToList();
        var types = await db.ResourceTypes.Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var assessment = DamageAssessment.Record(
            command.IncidentId,
            user.OrganisationId ?? throw new NotAuthenticatedException(),
            user.UserId,
            new GeoPlace(command.PlaceName!, command.Latitude!.Value, command.Longitude!.Value),
            new DamageCounts(
                command.BuildingsDestroyed!.Value, command.BuildingsSevere!.Value, command.BuildingsModerate!.Value, command.BuildingsMinor!.Value,
                command.PeopleDisplaced!.Value, command.PeopleInjured!.Value, command.PeopleMissing!.Value),
            new Lifelines(command.Power!.Value, command.Water!.Value, command.Roads!.Value, command.Telecoms!.Value),
            [.. inputs.Select(n => (types[n.Type!], n.Quantity!.Value))],
            command.Notes ?? "",
            clock.GetUtcNow());
        db.DamageAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return await AssessmentDto.LoadOneAsync(db, command.IncidentId, assessment.Id, cancellationToken);
    }
}
