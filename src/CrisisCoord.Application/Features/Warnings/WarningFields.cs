using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// One area as a form or the API sends it: a description and either a circle (centre and radius in km) or a
/// polygon written <c>lat,lon lat,lon …</c> with the first point repeated last (the CAP form).
/// </summary>
public sealed record WarningAreaInput
{
    public string? Description { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public double? RadiusKm { get; init; }

    public string? Polygon { get; init; }

    public bool IsCircle => Latitude is not null || Longitude is not null || RadiusKm is not null;

    public WarningArea ToArea() => IsCircle
        ? new WarningArea(Description ?? "", new GeoCircle(Latitude!.Value, Longitude!.Value, RadiusKm!.Value), null)
        : new WarningArea(Description ?? "", null, WarningArea.ParsePolygon(Polygon ?? "").Points);

    public static WarningAreaInput From(WarningArea area) => new()
    {
        Description = area.Description,
        Latitude = area.Circle?.Latitude,
        Longitude = area.Circle?.Longitude,
        RadiusKm = area.Circle?.RadiusKm,
        Polygon = area.CapPolygon,
    };
}

/// <summary>What a warning says, as drafting and editing send it.</summary>
public interface IWarningFields
{
    string? Event { get; }

    string? Headline { get; }

    string? Description { get; }

    string? Instruction { get; }

    IReadOnlyList<CapResponseType>? ResponseTypes { get; }

    CapUrgency? Urgency { get; }

    CapCertainty? Certainty { get; }

    string? Audience { get; }

    DateTimeOffset? Onset { get; }

    DateTimeOffset? Effective { get; }

    DateTimeOffset? Expires { get; }

    WarningScope? Scope { get; }

    string? Restriction { get; }

    IReadOnlyList<Guid>? Recipients { get; }

    IReadOnlyList<WarningAreaInput>? Areas { get; }
}

public static class WarningFields
{
    public static WarningContent ToContent(this IWarningFields fields) => new(
        fields.Event ?? "",
        fields.Headline ?? "",
        fields.Description ?? "",
        fields.Instruction ?? "",
        fields.ResponseTypes ?? [],
        fields.Urgency!.Value,
        fields.Certainty!.Value,
        fields.Audience ?? "",
        fields.Onset,
        fields.Effective,
        fields.Expires!.Value,
        fields.Scope!.Value,
        fields.Restriction ?? "",
        fields.Recipients ?? [],
        [.. (fields.Areas ?? []).Select(a => a.ToArea())]);

    /// <summary>Text that reaches CAP readers, sirens and SMS gateways as it is: no markup at all.</summary>
    public static IRuleBuilderOptions<T, string?> NoMarkup<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || text.IndexOfAny(['<', '>']) < 0)
            .WithMessage(_ => Texts.Get("Validation.Warnings.PlainWordsRemoveMarkup"));
}

/// <summary>The rules every warning's content meets, whether drafted or edited.</summary>
public sealed class WarningFieldsValidator : AbstractValidator<IWarningFields>
{
    public WarningFieldsValidator(AppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Event).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.NameEventEG"))
            .MaximumLength(Warning.EventMaxLength).NoMarkup().PlainText();
        RuleFor(x => x.Headline).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.GiveHeadlineLinePeople"))
            .MaximumLength(Warning.HeadlineMaxLength).NoMarkup().PlainText();
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.DescribeHazardWhatHappening"))
            .MaximumLength(Warning.TextMaxLength).PlainText();
        RuleFor(x => x.Instruction).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.SayWhatPeopleShould"))
            .MaximumLength(Warning.TextMaxLength).PlainText();
        RuleFor(x => x.Audience).MaximumLength(Warning.AudienceMaxLength).NoMarkup().PlainText();
        RuleForEach(x => x.ResponseTypes).Known().WithMessage(x => Texts.Format("Validation.Warnings.ResponseTypesAmong", string.Join(", ", Enum.GetNames<CapResponseType>())));
        RuleFor(x => x.Urgency).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.ChooseUrgency"))
            .Known().WithMessage(x => EnumText.NotValidMessage<CapUrgency>(x.Urgency.ToString()));
        RuleFor(x => x.Certainty).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.ChooseCertainty"))
            .Known().WithMessage(x => EnumText.NotValidMessage<CapCertainty>(x.Certainty.ToString()));

        RuleFor(x => x.Expires).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.SayWhenWarningExpires"))
            .Must(expires => expires > clock.GetUtcNow()).WithMessage(_ => Texts.Get("Validation.Warnings.ExpiryTimeFuture"));
        RuleFor(x => x.Expires).Must((x, expires) => expires > x.Effective)
            .When(x => x.Expires is not null && x.Effective is not null)
            .WithMessage(_ => Texts.Get("Validation.Warnings.WarningExpireAfterTakes"));
        RuleFor(x => x.Expires).Must((x, expires) => expires > x.Onset)
            .When(x => x.Expires is not null && x.Onset is not null)
            .WithMessage(_ => Texts.Get("Validation.Warnings.WarningExpireAfterExpected"));

        RuleFor(x => x.Scope).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.ChooseWhoWarningPublic"))
            .Known().WithMessage(x => EnumText.NotValidMessage<WarningScope>(x.Scope.ToString()));
        When(x => x.Scope == WarningScope.Restricted, () =>
        {
            RuleFor(x => x.Restriction).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.SayWordsWhoRestricted"))
                .MaximumLength(Warning.RestrictionMaxLength).NoMarkup().PlainText();
            RuleFor(x => x.Recipients).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.NameLeastOrganisationRestricted"))
                .Must(r => r!.Count <= Warning.MaxRecipients).WithMessage(_ => Texts.Format("Validation.Warnings.RestrictedWarningNamesMost", Warning.MaxRecipients))
                .MustAsync(async (recipients, ct) =>
                {
                    var ids = recipients!.Distinct().ToList();
                    return await db.Organisations.CountAsync(o => ids.Contains(o.Id), ct) == ids.Count;
                }).WithMessage(_ => Texts.Get("Validation.Warnings.SomeOrganisationsNamedDo"));
        });
        When(x => x.Scope == WarningScope.Public, () =>
            RuleFor(x => x.Recipients).Empty().WithMessage(_ => Texts.Get("Validation.Warnings.PublicWarningGoesEveryone")));

        RuleFor(x => x.Areas).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.MarkLeastAreaMap"))
            .Must(a => a!.Count <= Warning.MaxAreas).WithMessage(_ => Texts.Format("Validation.Warnings.WarningCoversMostAreas", Warning.MaxAreas));
        RuleForEach(x => x.Areas).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.AreaEmpty")).ChildRules(area =>
        {
            area.RuleFor(a => a.Description).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.DescribeAreaWordsPeople"))
                .MaximumLength(WarningArea.DescriptionMaxLength).NoMarkup().PlainText();
            area.RuleFor(a => a.Polygon).Must((a, polygon) => a.IsCircle != !string.IsNullOrWhiteSpace(polygon))
                .WithMessage(_ => Texts.Get("Validation.Warnings.GiveAreaEitherCircle"));
            area.When(a => a.IsCircle && string.IsNullOrWhiteSpace(a.Polygon), () =>
            {
                area.RuleFor(a => a.Latitude).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.CircleNeedsCentreS"))
                    .Must(l => GeoPoint.IsValidLatitude(l!.Value)).When(a => a.Latitude is not null).WithMessage(_ => Texts.Get("Validation.Warnings.LatitudeBetween9090"));
                area.RuleFor(a => a.Longitude).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.CircleNeedsCentreS2"))
                    .Must(l => GeoPoint.IsValidLongitude(l!.Value)).When(a => a.Longitude is not null).WithMessage(_ => Texts.Get("Validation.Warnings.LongitudeBetween180180"));
                area.RuleFor(a => a.RadiusKm).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.CircleNeedsRadiusKilometres"))
                    .Must(r => double.IsFinite(r!.Value) && r > 0 && r <= WarningArea.MaxRadiusKm).When(a => a.RadiusKm is not null)
                    .WithMessage(_ => Texts.Format("Validation.Resources.RadiusMoreThan0", WarningArea.MaxRadiusKm));
            });
            area.RuleFor(a => a.Polygon).Custom((polygon, context) =>
            {
                if (WarningArea.ParsePolygon(polygon!).Problem is { } problem)
                {
                    context.AddFailure($"The polygon is not usable: {problem}.");
                }
            }).When(a => !a.IsCircle && !string.IsNullOrWhiteSpace(a.Polygon));
        });
    }
}
