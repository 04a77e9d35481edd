using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
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
            .NotEmpty().WithMessage("Say which place was assessed (a street, a district, a village).")
            .MaximumLength(DamageAssessment.PlaceNameMaxLength)
            .PlainText();
        RuleFor(x => x.Latitude)
            .NotNull().WithMessage("Give the place's latitude.")
            .Latitude();
        RuleFor(x => x.Longitude)
            .NotNull().WithMessage("Give the place's longitude.")
            .Longitude();
        Count(x => x.BuildingsDestroyed, "buildings destroyed");
        Count(x => x.BuildingsSevere, "buildings severely damaged");
        Count(x => x.BuildingsModerate, "buildings moderately damaged");
        Count(x => x.BuildingsMinor, "buildings with minor damage");
        Count(x => x.PeopleDisplaced, "people displaced");
        Count(x => x.PeopleInjured, "people injured");
        Count(x => x.PeopleMissing, "people missing");
        Lifeline(x => x.Power, "power");
        Lifeline(x => x.Water, "water");
        Lifeline(x => x.Roads, "roads");
        Lifeline(x => x.Telecoms, "telecoms");
        RuleFor(x => x.Needs)
            .Must(n => n!.Count <= DamageAssessment.MaxNeeds).WithMessage($"List at most {DamageAssessment.MaxNeeds} needs.")
            .Must(n => n!.Where(i => !string.IsNullOrWhiteSpace(i?.Type)).Select(i => i!.Type).Distinct(StringComparer.Ordinal).Count() == n!.Count(i => !string.IsNullOrWhiteSpace(i?.Type)))
            .WithMessage("List each resource type once, with the whole quantity needed.")
            .When(x => x.Needs is not null);
        RuleForEach(x => x.Needs).NotNull().WithMessage("A need is a type and a quantity.");
        RuleForEach(x => x.Needs).ChildRules(need =>
        {
            need.RuleFor(n => n.Type)
                .NotEmpty().When(n => n.Quantity is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("Say what type of resource is needed (a catalogue code such as drinking-water).")
                .MustAsync((code, ct) => db.ResourceTypes.AnyAsync(t => t.Code == code, ct))
                .When(n => !string.IsNullOrWhiteSpace(n.Type), ApplyConditionTo.CurrentValidator)
                .WithMessage(n => $"'{n.Type}' is not in the resource catalogue; use a code such as rescue-boat or drinking-water.");
            need.RuleFor(n => n.Quantity)
                .NotNull().When(n => !string.IsNullOrWhiteSpace(n.Type), ApplyConditionTo.CurrentValidator)
                .WithMessage("Say how many are needed.")
                .GreaterThan(0).WithMessage("A need is more than zero.")
                .LessThanOrEqualTo(Resource.MaxQuantity).WithMessage($"A need is at most {Resource.MaxQuantity:N0}.")
                .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage("Quantity can have at most two decimals.");
        }).When(x => x.Needs is not null);
        RuleFor(x => x.Notes).MaximumLength(DamageAssessment.NotesMaxLength).PlainText();
    }

    private void Count(Expression<Func<RecordDamageAssessmentCommand, int?>> field, string what) =>
        RuleFor(field)
            .NotNull().WithMessage($"Give the number of {what} (0 if none).")
            .InclusiveBetween(0, DamageCounts.MaxCount).WithMessage($"The number of {what} is between 0 and {DamageCounts.MaxCount:N0}.");

    private void Lifeline(Expression<Func<RecordDamageAssessmentCommand, LifelineStatus?>> field, string what) =>
        RuleFor(field)
            .NotNull().WithMessage($"Give the state of {what}: Working, Degraded or Out.")
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
