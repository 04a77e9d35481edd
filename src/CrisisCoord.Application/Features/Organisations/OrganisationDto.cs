using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>An organisation's record: profile (the paper's Table 1), contacts, row version and the area it serves (if set).</summary>
public sealed record OrganisationDto(
    Guid Id,
    string Name,
    OrganisationKind Kind,
    AdministrativeLevel Level,
    string AreaName,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    OrganisationProfile Profile,
    DateTimeOffset CreatedAt,
    uint Version,
    ServiceArea? ServiceArea)
{
    public static readonly Expression<Func<Organisation, OrganisationDto>> Projection = o => new OrganisationDto(
        o.Id,
        o.Name,
        o.Kind,
        o.Level,
        o.AreaName,
        o.ContactName,
        o.ContactPhone,
        o.ContactEmail,
        new OrganisationProfile(o.Profile.Purpose, o.Profile.Neutrality, o.Profile.ResourceMobilisation, o.Profile.MethodsAndMeasures),
        o.CreatedAt,
        o.Version,
        o.ServiceArea);

    private static readonly Func<Organisation, OrganisationDto> Compiled = Projection.Compile();

    public static OrganisationDto From(Organisation organisation) => Compiled(organisation);
}

/// <summary>What registering and updating an organisation both take; the kind is fixed at registration.</summary>
public abstract record OrganisationFields
{
    /// <summary>The organisation being changed, so its own name does not count as taken.</summary>
    [JsonIgnore]
    public abstract Guid? ExistingId { get; }

    public string? Name { get; init; }

    public AdministrativeLevel? Level { get; init; }

    public string? AreaName { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    public string? Purpose { get; init; }

    public string? Neutrality { get; init; }

    public string? ResourceMobilisation { get; init; }

    public string? MethodsAndMeasures { get; init; }
}

/// <summary>The rules for <see cref="OrganisationFields"/>, included by the register and update validators.</summary>
public sealed class OrganisationDetailsValidator : AbstractValidator<OrganisationFields>
{
    public OrganisationDetailsValidator(AppDbContext db)
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Organisations.GiveOrganisationSName"))
            .MaximumLength(Organisation.NameMaxLength)
            .PlainText()
            .MustAsync(async (details, name, ct) => !await OrganisationDetails.IsTakenAsync(db, name!, details.ExistingId, ct))
            .WithMessage(x => OrganisationDetails.TakenMessage(x.Name!))
            .When(x => !string.IsNullOrWhiteSpace(x.Name), ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.Level)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Organisations.ChooseAdministrativeLevel", EnumText.Allowed<AdministrativeLevel>()))
            .Known();
        RuleFor(x => x.AreaName)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Organisations.SayWhichAreaOrganisation"))
            .MaximumLength(Organisation.AreaNameMaxLength)
            .PlainText()
            .WithName(_ => Texts.Get("Validation.Name.Area"));
        RuleFor(x => x.ContactName).MaximumLength(Organisation.ContactMaxLength).PlainText().WithName(_ => Texts.Get("Validation.Name.ContactName"));
        RuleFor(x => x.ContactPhone).MaximumLength(Organisation.ContactMaxLength).PlainText().WithName(_ => Texts.Get("Validation.Name.ContactPhone"));
        RuleFor(x => x.ContactEmail)
            .MaximumLength(Organisation.ContactMaxLength)
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail), ApplyConditionTo.CurrentValidator)
            .WithName(_ => Texts.Get("Validation.Name.ContactEMail"));
        RuleFor(x => x.Purpose).MaximumLength(OrganisationProfile.FieldMaxLength).PlainText();
        RuleFor(x => x.Neutrality).MaximumLength(OrganisationProfile.FieldMaxLength).PlainText();
        RuleFor(x => x.ResourceMobilisation).MaximumLength(OrganisationProfile.FieldMaxLength).PlainText().WithName(_ => Texts.Get("Validation.Name.ResourceMobilisation"));
        RuleFor(x => x.MethodsAndMeasures).MaximumLength(OrganisationProfile.FieldMaxLength).PlainText().WithName(_ => Texts.Get("Validation.Name.MethodsAndMeasures"));
    }
}

/// <summary>How <see cref="OrganisationFields"/> become a stored organisation, for registering and updating alike.</summary>
public static class OrganisationDetails
{
    /// <summary>Names are compared ignoring case, so "Red Cross" and "red cross" cannot both be registered.</summary>
    public static async Task<bool> IsTakenAsync(AppDbContext db, string name, Guid? exceptId, CancellationToken ct)
    {
        var lowered = name.Trim().ToLower();
        return await db.Organisations.AnyAsync(o => o.Name.ToLower() == lowered && o.Id != exceptId, ct);
    }

    public static string TakenMessage(string name) => Texts.Format("Validation.Organisations.NameTaken", name.Trim());

    /// <summary>Two administrators registering the same name at once: the unique index refuses the second.</summary>
    public static bool IsDuplicateName(DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } unique
        && unique.ConstraintName?.Contains("name", StringComparison.Ordinal) == true;

    /// <summary>Blank profile fields take the default for the kind (DOMAIN Table 1).</summary>
    public static OrganisationProfile ProfileFrom(OrganisationFields details, OrganisationKind kind)
    {
        var defaults = OrganisationProfile.DefaultFor(kind);
        return new OrganisationProfile(
            Or(details.Purpose, defaults.Purpose),
            Or(details.Neutrality, defaults.Neutrality),
            Or(details.ResourceMobilisation, defaults.ResourceMobilisation),
            Or(details.MethodsAndMeasures, defaults.MethodsAndMeasures));

        static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
    }

    public static OrganisationContact ContactFrom(OrganisationFields details) =>
        new(details.ContactName ?? "", details.ContactPhone ?? "", details.ContactEmail ?? "");
}
