using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>
/// The directory of organisations, highest level first, then by name. Filters arrive as text (from a
/// query string) and are checked by the validator, so a wrong value gets a message listing the allowed ones.
/// </summary>
[Performs(Act.ViewDirectory)]
public sealed record ListOrganisationsQuery : IQuery<OrganisationList>
{
    public const int TextMaxLength = 200;

    public string? Kind { get; init; }

    public string? Level { get; init; }

    /// <summary>Part of the area name, any case.</summary>
    public string? Area { get; init; }

    /// <summary>Text found in the name or the area name, any case.</summary>
    public string? Q { get; init; }
}

public sealed record OrganisationList(IReadOnlyList<OrganisationSummaryDto> Items);

public sealed record OrganisationSummaryDto(Guid Id, string Name, OrganisationKind Kind, AdministrativeLevel Level, string AreaName, int ResourceCount);

public sealed class ListOrganisationsQueryValidator : AbstractValidator<ListOrganisationsQuery>
{
    public ListOrganisationsQueryValidator()
    {
        RuleFor(x => x.Kind)
            .Must(v => EnumText.TryParse<OrganisationKind>(v, out _))
            .When(x => !string.IsNullOrEmpty(x.Kind))
            .WithMessage(x => EnumText.NotValidMessage<OrganisationKind>(x.Kind));
        RuleFor(x => x.Level)
            .Must(v => EnumText.TryParse<AdministrativeLevel>(v, out _))
            .When(x => !string.IsNullOrEmpty(x.Level))
            .WithMessage(x => EnumText.NotValidMessage<AdministrativeLevel>(x.Level));
        RuleFor(x => x.Area).MaximumLength(ListOrganisationsQuery.TextMaxLength).PlainText();
        RuleFor(x => x.Q).MaximumLength(ListOrganisationsQuery.TextMaxLength).PlainText().WithName(_ => Texts.Get("Validation.Name.Text"));
    }
}

public sealed class ListOrganisationsQueryHandler(AppDbContext db) : IQueryHandler<ListOrganisationsQuery, OrganisationList>
{
    public async ValueTask<OrganisationList> Handle(ListOrganisationsQuery query, CancellationToken cancellationToken)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (EnumText.TryParse<OrganisationKind>(query.Kind, out var kind))
        {
            organisations = organisations.Where(o => o.Kind == kind);
        }

        if (EnumText.TryParse<AdministrativeLevel>(query.Level, out var level))
        {
            organisations = organisations.Where(o => o.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(query.Area))
        {
            var area = query.Area.Trim().ToLower();
            organisations = organisations.Where(o => o.AreaName.ToLower().Contains(area));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLower();
            organisations = organisations.Where(o => o.Name.ToLower().Contains(text) || o.AreaName.ToLower().Contains(text));
        }

        var rows = await organisations
            // Levels are stored by name, which sorts alphabetically; rank them explicitly.
            .OrderByDescending(o => o.Level == AdministrativeLevel.Country ? (int)AdministrativeLevel.Country
                : o.Level == AdministrativeLevel.City ? (int)AdministrativeLevel.City
                : o.Level == AdministrativeLevel.Town ? (int)AdministrativeLevel.Town
                : (int)AdministrativeLevel.Village)
            .ThenBy(o => o.Name)
            .Select(o => new OrganisationSummaryDto(
                o.Id, o.Name, o.Kind, o.Level, o.AreaName, db.Resources.Count(r => r.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken);
        return new OrganisationList(rows);
    }
}
