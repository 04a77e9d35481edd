using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Charters;

/// <summary>The charter's change log, newest first, for one organisation or kind or for all; administrators and auditors.</summary>
[Performs(Act.ViewCharterChanges)]
public sealed record ListCharterChangesQuery : IQuery<IReadOnlyList<CharterChangeDto>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public Guid? OrganisationId { get; init; }

    public string? Kind { get; init; }

    public int? Limit { get; init; }
}

/// <summary>
/// One recorded change. <see cref="OrganisationId"/> is null for a change to a kind's default; phases are
/// listed by name, an empty list meaning none.
/// </summary>
public sealed record CharterChangeDto(
    Guid Id,
    OrganisationKind Kind,
    Guid? OrganisationId,
    string? OrganisationName,
    string Item,
    CharterItemType Type,
    IReadOnlyList<string> FromPhases,
    IReadOnlyList<string> ToPhases,
    string FromLegalBasis,
    string ToLegalBasis,
    Guid ChangedBy,
    string ChangedByName,
    DateTimeOffset ChangedAt)
{
    public static CharterChangeDto From(CharterChange change, string? organisationName, string changedByName)
    {
        var (item, type) = CharterLines.ReadKey(change.Item);
        return new CharterChangeDto(
            change.Id,
            change.Kind,
            change.OrganisationId,
            organisationName,
            item,
            type,
            CharterLines.Names(change.FromPhases),
            CharterLines.Names(change.ToPhases),
            change.FromLegalBasis,
            change.ToLegalBasis,
            change.ChangedBy,
            changedByName,
            change.ChangedAt);
    }
}

public sealed class ListCharterChangesQueryValidator : AbstractValidator<ListCharterChangesQuery>
{
    public ListCharterChangesQueryValidator()
    {
        RuleFor(x => x.Kind)
            .Must(v => EnumText.TryParse<OrganisationKind>(v, out _))
            .When(x => !string.IsNullOrEmpty(x.Kind))
            .WithMessage(x => EnumText.NotValidMessage<OrganisationKind>(x.Kind));
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListCharterChangesQuery.MaxLimit)
            .WithMessage(_ => Texts.Format("Validation.Audit.LimitBetween1", ListCharterChangesQuery.MaxLimit));
    }
}

public sealed class ListCharterChangesQueryHandler(AppDbContext db) : IQueryHandler<ListCharterChangesQuery, IReadOnlyList<CharterChangeDto>>
{
    public async ValueTask<IReadOnlyList<CharterChangeDto>> Handle(ListCharterChangesQuery query, CancellationToken cancellationToken)
    {
        var changes = db.CharterChanges.AsNoTracking();
        if (query.OrganisationId is { } organisationId)
        {
            changes = changes.Where(c => c.OrganisationId == organisationId);
        }

        if (EnumText.TryParse<OrganisationKind>(query.Kind, out var kind))
        {
            changes = changes.Where(c => c.Kind == kind);
        }

        var rows = await changes
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(query.Limit ?? ListCharterChangesQuery.DefaultLimit)
            .Select(c => new
            {
                Change = c,
                Organisation = db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == c.ChangedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => CharterChangeDto.From(r.Change, r.Organisation, r.By ?? "a former user"))];
    }
}
