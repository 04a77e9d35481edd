using CrisisCoord.Application.Common;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Common;
using FluentValidation;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>What a person says when they check in, or again when they update it.</summary>
public interface ICheckInFields
{
    CheckInStatus? Status { get; }

    double? Latitude { get; }

    double? Longitude { get; }

    string? PlaceName { get; }

    string? Note { get; }
}

/// <summary>The rules for those fields, the same for a first check-in and an update.</summary>
public static class CheckInFieldRules
{
    public static string NotNear => Texts.Format("Validation.CheckIns.NotNear", CheckIn.NearRadiusKm);

    public static void AddCheckInFieldRules<T>(this AbstractValidator<T> validator)
        where T : ICheckInFields
    {
        validator.RuleFor(x => x.Status)
            .NotNull().WithMessage(_ => Texts.Get("Validation.CheckIns.SayWhetherSafeSafe"))
            .Known().WithMessage(x => EnumText.NotValidMessage<CheckInStatus>(x.Status.ToString()));
        validator.RuleFor(x => x.Latitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.CheckIns.LatitudeRequiredPutPin"))
            .Latitude();
        validator.RuleFor(x => x.Longitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.CheckIns.LongitudeRequiredPutPin"))
            .Longitude();
        validator.RuleFor(x => x.PlaceName).MaximumLength(CheckIn.PlaceNameMaxLength).PlainText();
        validator.RuleFor(x => x.Note).MaximumLength(CheckIn.NoteMaxLength).PlainText();
    }

    public static bool HasValidPosition(this ICheckInFields fields) =>
        fields.Latitude is { } lat && GeoPoint.IsValidLatitude(lat) && fields.Longitude is { } lon && GeoPoint.IsValidLongitude(lon);
}
