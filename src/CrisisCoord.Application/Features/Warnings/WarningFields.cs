using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
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
            .WithMessage("{PropertyName} must be plain words: remove '<' and '>' (no markup).");
}

/// <summary>The rules every warning's content meets, whether drafted or edited.</summary>
public sealed class WarningFieldsValidator : AbstractValidator<IWarningFields>
{
    public WarningFieldsValidator(AppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Event).NotEmpty().WithMessage("Name the event, e.g. 'Flood' or 'Chlorine leak'.")
            .MaximumLength(Warning.EventMaxLength).NoMarkup().PlainText();
        RuleFor(x => x.Headline).NotEmpty().WithMessage("Give a headline: the one line people read first.")
            .MaximumLength(Warning.HeadlineMaxLength).NoMarkup().PlainText();
        RuleFor(x => x.Description).NotEmpty().WithMessage("Describe the hazard: what is happening and what is expected.")
            .MaximumLength(Warning.TextMaxLength).PlainText();
        RuleFor(x => x.Instruction).NotEmpty().WithMessage("Say what people should do, in plain words.")
            .MaximumLength(Warning.TextMaxLength).PlainText();
        RuleFor(x => x.Audience).MaximumLength(Warning.AudienceMaxLength).NoMarkup().PlainText();
        RuleForEach(x => x.ResponseTypes).Known().WithMessage(x => $"Response types must be among {string.Join(", ", Enum.GetNames<CapResponseType>())}.");
        RuleFor(x => x.Urgency).NotNull().WithMessage("Choose the urgency.")
            .Known().WithMessage(x => EnumText.NotValidMessage<CapUrgency>(x.Urgency.ToString()));
        RuleFor(x => x.Certainty).NotNull().WithMessage("Choose the certainty.")
            .Known().WithMessage(x => EnumText.NotValidMessage<CapCertainty>(x.Certainty.ToString()));

        RuleFor(x => x.Expires).Cascade(CascadeMode.Stop).NotNull().WithMessage("Say when the warning expires.")
            .Must(expires => expires > clock.GetUtcNow()).WithMessage("The expiry time must be in the future.");
        RuleFor(x => x.Expires).Must((x, expires) => expires > x.Effective)
            .When(x => x.Expires is not null && x.Effective is not null)
            .WithMessage("The warning must expire after it takes effect: set the expiry later than the effective time.");
        RuleFor(x => x.Expires).Must((x, expires) => expires > x.Onset)
            .When(x => x.Expires is not null && x.Onset is not null)
            .WithMessage("The warning must expire after the expected onset: set the expiry later than the onset.");

        RuleFor(x => x.Scope).NotNull().WithMessage("Choose who the warning is for: Public or Restricted.")
            .Known().WithMessage(x => EnumText.NotValidMessage<WarningScope>(x.Scope.ToString()));
        When(x => x.Scope == WarningScope.Restricted, () =>
        {
            RuleFor(x => x.Restriction).NotEmpty().WithMessage("Say in words who a restricted warning is for (CAP 'restriction').")
                .MaximumLength(Warning.RestrictionMaxLength).NoMarkup().PlainText();
            RuleFor(x => x.Recipients).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Name at least one organisation a restricted warning goes to.")
                .Must(r => r!.Count <= Warning.MaxRecipients).WithMessage($"A restricted warning names at most {Warning.MaxRecipients} organisations.")
                .MustAsync(async (recipients, ct) =>
                {
                    var ids = recipients!.Distinct().ToList();
                    return await db.Organisations.CountAsync(o => ids.Contains(o.Id), ct) == ids.Count;
                }).WithMessage("Some of the organisations named do not exist.");
        });
        When(x => x.Scope == WarningScope.Public, () =>
            RuleFor(x => x.Recipients).Empty().WithMessage("A public warning goes to everyone: name organisations only on a restricted one."));

        RuleFor(x => x.Areas).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Mark at least one area on the map: a circle or a polygon.")
            .Must(a => a!.Count <= Warning.MaxAreas).WithMessage($"A warning covers at most {Warning.MaxAreas} areas.");
        RuleForEach(x => x.Areas).NotNull().WithMessage("An area is empty.").ChildRules(area =>
        {
            area.RuleFor(a => a.Description).NotEmpty().WithMessage("Describe the area in words people know, e.g. 'Dongshan Town, east bank'.")
                .MaximumLength(WarningArea.DescriptionMaxLength).NoMarkup().PlainText();
            area.RuleFor(a => a.Polygon).Must((a, polygon) => a.IsCircle != !string.IsNullOrWhiteSpace(polygon))
                .WithMessage("Give the area either a circle (centre and radius) or a polygon, not both and not neither.");
            area.When(a => a.IsCircle && string.IsNullOrWhiteSpace(a.Polygon), () =>
            {
                area.RuleFor(a => a.Latitude).NotNull().WithMessage("The circle needs its centre's latitude.")
                    .Must(l => GeoPoint.IsValidLatitude(l!.Value)).When(a => a.Latitude is not null).WithMessage("Latitude must be between -90 and 90.");
                area.RuleFor(a => a.Longitude).NotNull().WithMessage("The circle needs its centre's longitude.")
                    .Must(l => GeoPoint.IsValidLongitude(l!.Value)).When(a => a.Longitude is not null).WithMessage("Longitude must be between -180 and 180.");
                area.RuleFor(a => a.RadiusKm).NotNull().WithMessage("The circle needs a radius in kilometres.")
                    .Must(r => double.IsFinite(r!.Value) && r > 0 && r <= WarningArea.MaxRadiusKm).When(a => a.RadiusKm is not null)
                    .WithMessage($"The radius must be more than 0 and at most {WarningArea.MaxRadiusKm:0} km.");
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
