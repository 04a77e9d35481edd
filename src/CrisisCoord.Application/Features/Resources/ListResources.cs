using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>
/// Search the registry: by type, holder, distance from a point (great-circle, computed in the database)
/// and whether it is available now. Nearest first when a point is given, else by type and holder.
/// </summary>
[Performs(Act.ViewDirectory)]
public sealed record ListResourcesQuery : IQuery<IReadOnlyList<ResourceDto>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    public const double MaxRadiusKm = 20_000;

    /// <summary>Resource type code, e.g. "drinking-water".</summary>
    public string? Type { get; init; }

    public Guid? OrganisationId { get; init; }

    public double? NearLatitude { get; init; }

    public double? NearLongitude { get; init; }

    public double? WithinKm { get; init; }

    public bool? AvailableNow { get; init; }

    public int? Limit { get; init; }
}

public sealed class ListResourcesQueryValidator : AbstractValidator<ListResourcesQuery>
{
    public ListResourcesQueryValidator(AppDbContext db)
    {
        RuleFor(x => x.Type)
            .MustAsync(async (code, ct) => await db.ResourceTypes.AnyAsync(t => t.Code == code!.Trim().ToLower(), ct))
            .When(x => !string.IsNullOrWhiteSpace(x.Type))
            .WithMessage(x => Texts.Format("Validation.Resources.ResourceTypeGETApi", x.Type));
        RuleFor(x => x.NearLatitude)
            .Must(v => v is null || GeoPoint.IsValidLatitude(v.Value)).WithMessage(_ => Texts.Get("Validation.Resources.LatitudeBetween9090"))
            .NotNull().When(x => x.NearLongitude is not null || x.WithinKm is not null)
            .WithMessage(_ => Texts.Get("Validation.Resources.GiveBothLatitudeLongitude"));
        RuleFor(x => x.NearLongitude)
            .Must(v => v is null || GeoPoint.IsValidLongitude(v.Value)).WithMessage(_ => Texts.Get("Validation.Resources.LongitudeBetween180180"))
            .NotNull().When(x => x.NearLatitude is not null || x.WithinKm is not null)
            .WithMessage(_ => Texts.Get("Validation.Resources.GiveBothLatitudeLongitude"));
        RuleFor(x => x.WithinKm)
            .Must(v => v is null || (double.IsFinite(v.Value) && v > 0 && v <= ListResourcesQuery.MaxRadiusKm))
            .WithMessage(_ => Texts.Format("Validation.Resources.RadiusMoreThan0", ListResourcesQuery.MaxRadiusKm));
        RuleFor(x => x.Limit).InclusiveBetween(1, ListResourcesQuery.MaxLimit)
            .WithMessage(_ => Texts.Format("Validation.Audit.LimitBetween1", ListResourcesQuery.MaxLimit));
    }
}

public sealed class ListResourcesQueryHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListResourcesQuery, IReadOnlyList<ResourceDto>>
{
    public async ValueTask<IReadOnlyList<ResourceDto>> Handle(ListResourcesQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Rows().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            var code = query.Type.Trim().ToLowerInvariant();
            rows = rows.Where(x => x.TypeCode == code);
        }

        if (query.OrganisationId is { } organisationId)
        {
            rows = rows.Where(x => x.Resource.OrganisationId == organisationId);
        }

        if (query.AvailableNow == true)
        {
            var now = clock.GetUtcNow();
            rows = rows.Where(x => x.Resource.Quantity > 0
                && (x.Resource.AvailableFrom == null || x.Resource.AvailableFrom <= now)
                && (x.Resource.AvailableUntil == null || x.Resource.AvailableUntil >= now));
        }

        var limit = query.Limit ?? ListResourcesQuery.DefaultLimit;
        if (query.NearLatitude is not { } lat || query.NearLongitude is not { } lon)
        {
            var list = await rows
                .OrderBy(x => x.TypeName).ThenBy(x => x.OrganisationName).ThenBy(x => x.Resource.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);
            return [.. list.Select(x => x.ToDto())];
        }

        var withDistance = rows.WithDistanceFrom(lat, lon);
        if (query.WithinKm is { } radius)
        {
            withDistance = withDistance.Where(x => x.DistanceKm <= radius);
        }

        var nearest = await withDistance
            .OrderBy(x => x.DistanceKm).ThenBy(x => x.Row.Resource.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. nearest.Select(x => x.Row.ToDto(Math.Round(x.DistanceKm, 2)))];
    }
}
