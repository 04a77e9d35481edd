using System.Text.Json.Serialization;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Charters;

/// <summary>Who may do what, per kind of organisation and phase: the kind-level charter in force.</summary>
[Performs(Act.ViewDirectory)]
public sealed record GetCharterMatrixQuery : IQuery<CharterMatrixDto>;

public sealed record CharterMatrixDto(IReadOnlyList<OrganisationKind> Kinds, IReadOnlyList<CharterMatrixRowDto> Rows);

/// <summary>
/// One right or obligation; <see cref="Cells"/> follow the order of <see cref="CharterMatrixDto.Kinds"/>. An obligation's
/// bound is said in the reader's language when it is read, as <see cref="CharterLineDto.Bound"/>.
/// </summary>
public sealed record CharterMatrixRowDto(string Item, CharterItemType Type, string Key, [property: JsonIgnore] Phrase? BoundPhrase, IReadOnlyList<CharterMatrixCellDto> Cells)
{
    public string? Bound => BoundPhrase?.Say();
}

public sealed record CharterMatrixCellDto(
    OrganisationKind Kind,
    IReadOnlyList<string> Phases,
    string LegalBasis,
    CharterSource Source,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

public sealed class GetCharterMatrixQueryHandler(AppDbContext db, ObligationRules rules) : IQueryHandler<GetCharterMatrixQuery, CharterMatrixDto>
{
    public async ValueTask<CharterMatrixDto> Handle(GetCharterMatrixQuery query, CancellationToken cancellationToken)
    {
        var entries = await db.CharterEntries.AsNoTracking().Where(e => e.OrganisationId == null).ToListAsync(cancellationToken);
        var names = await CharterLines.UserNamesAsync(db, entries.Select(e => e.UpdatedBy), cancellationToken);
        var kinds = Enum.GetValues<OrganisationKind>();

        var rows = CharterLines.Items.Select(item =>
        {
            var lines = kinds.Select(kind => CharterLines.Line(item, kind, entries, names, rules)).ToList();
            return new CharterMatrixRowDto(
                lines[0].Item,
                lines[0].Type,
                lines[0].Key,
                lines[0].BoundPhrase,
                [.. kinds.Zip(lines, (kind, line) =>
                    new CharterMatrixCellDto(kind, line.Phases, line.LegalBasis, line.Source, line.UpdatedAt, line.UpdatedBy))]);
        });
        return new CharterMatrixDto(kinds, [.. rows]);
    }
}
