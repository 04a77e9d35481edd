using CrisisCoord.Application.Data;
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
            .WithMessage(x => $"'{x.Type}' is not a resource type. GET /api/v1/resource-types lists them.");
        RuleFor(x => x.NearLatitude)
            .Must(v => v is null || GeoPoint.IsValidLatitude(v.Value)).WithMessage("Latitude must be between -90 and 90 degrees.")
            .NotNull().When(x => x.NearLongitude is not null || x.WithinKm is not null)
            .WithMessage("Give both a latitude and a longitude to search near a point.");
        RuleFor(x => x.NearLongitude)
            .Must(v => v is null || GeoPoint.IsValidLongitude(v.Value)).WithMessage("Longitude must be between -180 and 180 degrees.")
            .NotNull().When(x => x.NearLatitude is not null || x.WithinKm is not null)
            .WithMessage("Give both a latitude and a longitude to search near a point.");
        RuleFor(x => x.WithinKm)
            .Must(v => v is null || (double.IsFinite(v.Value) && v > 0 && v <= ListResourcesQuery.MaxRadiusKm))
            .WithMessage($"The radius must be more than 0 and at most {ListResourcesQuery.MaxRadiusKm:0} km.");
        RuleFor(x => x.Limit).InclusiveBetween(1, ListResourcesQuery.MaxLimit)
            .WithMessage($"Limit must be between 1 and {ListResourcesQuery.MaxLimit}.");
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
