using CrisisCoord.Domain.Common;
using FluentValidation;

namespace CrisisCoord.Application.Common;

/// <summary>Coordinates people type or pick on a map, checked and worded the same wherever a place is given.</summary>
public static class GeoRules
{
    public static IRuleBuilderOptions<T, double?> Latitude<T>(this IRuleBuilder<T, double?> rule) =>
        rule.Must(v => v is null || GeoPoint.IsValidLatitude(v.Value))
            .WithMessage((_, v) => $"Latitude must be between -90 and 90 degrees (got {v}).");

    public static IRuleBuilderOptions<T, double?> Longitude<T>(this IRuleBuilder<T, double?> rule) =>
        rule.Must(v => v is null || GeoPoint.IsValidLongitude(v.Value))
            .WithMessage((_, v) => $"Longitude must be between -180 and 180 degrees (got {v}).");
}
