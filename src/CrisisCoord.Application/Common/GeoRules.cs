using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;
using FluentValidation;

namespace CrisisCoord.Application.Common;

/// <summary>Coordinates people type or pick on a map, checked and worded the same wherever a place is given.</summary>
public static class GeoRules
{
    public static IRuleBuilderOptions<T, double?> Latitude<T>(this IRuleBuilder<T, double?> rule) =>
        rule.Must(v => v is null || GeoPoint.IsValidLatitude(v.Value))
            .WithMessage((_, v) => Texts.Format("Validation.Common.LatitudeBetween9090", v));

    public static IRuleBuilderOptions<T, double?> Longitude<T>(this IRuleBuilder<T, double?> rule) =>
        rule.Must(v => v is null || GeoPoint.IsValidLongitude(v.Value))
            .WithMessage((_, v) => Texts.Format("Validation.Common.LongitudeBetween180180", v));
}
