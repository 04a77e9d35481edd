using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>The fields a resource holder fills in, shared by registering and editing.</summary>
public abstract record ResourceFields
{
    public decimal? Quantity { get; init; }

    public string? PlaceName { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public DateTimeOffset? AvailableFrom { get; init; }

    public DateTimeOffset? AvailableUntil { get; init; }

    public string? Notes { get; init; }
}

public static class ResourceRules
{
    public static void AddResourceFieldRules<T>(this AbstractValidator<T> validator)
        where T : ResourceFields
    {
        validator.RuleFor(x => x.Quantity)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Resources.SayHowManyQuantity"))
            .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Resources.QuantityCannotNegative"))
            .LessThanOrEqualTo(Resource.MaxQuantity).WithMessage(_ => Texts.Format("Validation.Resources.QuantityMost", Resource.MaxQuantity))
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage(_ => Texts.Get("Validation.Recovery.QuantityMostTwoDecimals"));
        validator.RuleFor(x => x.PlaceName)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Resources.SayWhereResourcePlace"))
            .MaximumLength(Resource.PlaceNameMaxLength)
            .PlainText()
            .WithName(_ => Texts.Get("Validation.Name.PlaceName"));
        validator.RuleFor(x => x.Latitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.LatitudeRequired"))
            .Latitude();
        validator.RuleFor(x => x.Longitude)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.LongitudeRequired"))
            .Longitude();
        validator.RuleFor(x => x.AvailableUntil)
            .GreaterThanOrEqualTo(x => x.AvailableFrom)
            .When(x => x.AvailableFrom is not null && x.AvailableUntil is not null)
            .WithMessage(_ => Texts.Get("Validation.Resources.AvailabilityEndAfterStarts"))
            .WithName(_ => Texts.Get("Validation.Name.AvailableUntil"));
        validator.RuleFor(x => x.Notes).MaximumLength(Resource.NotesMaxLength).PlainText();
    }

    /// <summary>The resource for a change by its holder (the policy has checked it is theirs).</summary>
    public static async Task<Resource> LoadForHolderAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Resources.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Resource", id);

    public static ResourceDetails ToDetails(this ResourceFields fields) => new(
        fields.Quantity!.Value,
        fields.PlaceName!,
        fields.Latitude!.Value,
        fields.Longitude!.Value,
        fields.AvailableFrom,
        fields.AvailableUntil,
        fields.Notes ?? "");
}
