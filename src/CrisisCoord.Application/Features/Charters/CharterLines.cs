using System.Text.Json.Serialization;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Charters;

public enum CharterItemType
{
    Right,
    Obligation,
}

/// <summary>Where an effective charter value comes from.</summary>
public enum CharterSource
{
    /// <summary>The code's <see cref="DefaultCharter"/>, unchanged.</summary>
    Default,

    /// <summary>An administrator changed the default for the organisation's kind.</summary>
    KindDefaultChanged,

    /// <summary>An administrator overrode it for this one organisation.</summary>
    OrganisationOverride,
}

/// <summary>
/// One right or obligation with the phases it applies in, as it is in force. An obligation's bound is kept as a
/// phrase and said in the reader's language when it is read (<see cref="Bound"/>), as <see cref="Obligations.ObligationDto"/>'s.
/// </summary>
public sealed record CharterLineDto(
    string Item,
    CharterItemType Type,
    string Key,
    IReadOnlyList<string> Phases,
    string LegalBasis,
    CharterSource Source,
    [property: JsonIgnore] Phrase? BoundPhrase,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    /// <summary>An obligation's time bound, e.g. "every 12 h (lead: every 6 h)", in the reader's language; none for a right.</summary>
    public string? Bound => BoundPhrase?.Say();

    public bool Grants(Phases phase) => Phases.Contains(phase.ToString());
}

/// <summary>Charter items and phases as people and clients name them, and the effective charter.</summary>
public static class CharterLines
{
    /// <summary>Every right, then every obligation: the rows of every charter table.</summary>
    public static readonly IReadOnlyList<CharterItem> Items =
        [.. Enum.GetValues<Right>().Select(CharterItem.Of), .. Enum.GetValues<Obligation>().Select(CharterItem.Of)];

    /// <summary>Names clients may use: the bare name, or the key where the name is both a right and an obligation.</summary>
    public static readonly IReadOnlyList<string> AllowedNames =
        [.. Items.Select(i => Items.Count(o => o.Name == i.Name) > 1 ? i.Key : i.Name)];

    public static bool TryParseItem(string? text, out CharterItem item)
    {
        item = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var name = text.Trim();
        var matches = Items.Where(i => string.Equals(i.Key, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            return false;
        }

        item = matches[0];
        return true;
    }

    public static string ItemNotValidMessage(string? text)
    {
        var ambiguous = Items.Where(i => string.Equals(i.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return ambiguous.Count > 1
            ? Texts.Format("Validation.Charters.BothRightAndObligation", text, ambiguous[0].Key, ambiguous[1].Key)
            : Texts.Format("Validation.Charters.NotRightOrObligation", text, string.Join(", ", AllowedNames));
    }

    /// <summary>Phase names (Warning, Response, Recovery) as a set; false if any name is not a phase.</summary>
    public static bool TryParsePhases(IEnumerable<string?>? names, out Phases phases)
    {
        phases = Phases.None;
        foreach (var name in names ?? [])
        {
            var phase = PhasesExtensions.Each.FirstOrDefault(p => string.Equals(p.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (phase == Phases.None)
            {
                return false;
            }

            phases |= phase;
        }

        return true;
    }

    public static string AllowedPhases => string.Join(", ", PhasesExtensions.Each);

    public static IReadOnlyList<string> Names(Phases phases) =>
        [.. PhasesExtensions.Each.Where(p => phases.HasFlag(p)).Select(p => p.ToString())];

    public static string Describe(Phases phases) => phases == Phases.None ? "none" : string.Join(", ", Names(phases));

    /// <summary>The phases as the reader's language names them (<see cref="Describe"/> is the English, for logs and clients).</summary>
    public static string DescribeForReader(Phases phases) => PhaseListForReader(Names(phases));

    /// <summary>Phase names (codes) as the reader reads them, "none" when there are none; an unknown code as it is.</summary>
    public static string PhaseListForReader(IReadOnlyList<string> phases) => phases.Count == 0
        ? Texts.Get("Organisations.None")
        : string.Join(Texts.Get("Organisations.ListSeparator"), phases.Select(p => Enum.TryParse<Phases>(p, out var phase) ? Texts.Name(phase) : p));

    public static (string Name, CharterItemType Type) ReadKey(string key) =>
        key.StartsWith("Obligation.", StringComparison.Ordinal) ? (key["Obligation.".Length..], CharterItemType.Obligation)
        : key.StartsWith("Right.", StringComparison.Ordinal) ? (key["Right.".Length..], CharterItemType.Right)
        : (key, CharterItemType.Right);

    /// <summary>
    /// The effective charter of one organisation (<paramref name="organisationId"/> set) or of a kind: its own
    /// override, else the administrators' kind default, else the code's default, by the same
    /// <see cref="CharterItem.DecidingEntry"/> that access decisions use.
    /// </summary>
    public static async Task<IReadOnlyList<CharterLineDto>> ForAsync(
        AppDbContext db, OrganisationKind kind, Guid? organisationId, ObligationRules rules, CancellationToken ct)
    {
        var entries = await db.CharterEntries.AsNoTracking()
            .Where(e => e.Kind == kind && (e.OrganisationId == null || e.OrganisationId == organisationId))
            .ToListAsync(ct);
        var names = await UserNamesAsync(db, entries.Select(e => e.UpdatedBy), ct);
        return [.. Items.Select(item => Line(item, kind, entries, names, rules))];
    }

    /// <summary>One line from the stored entries of a kind (and possibly one organisation's overrides).</summary>
    public static CharterLineDto Line(
        CharterItem item, OrganisationKind kind, IEnumerable<CharterEntry> entries, IReadOnlyDictionary<Guid, string> userNames, ObligationRules rules)
    {
        var entry = item.DecidingEntry(kind, entries);
        var (phases, source) = entry is null
            ? (item.DefaultFor(kind), CharterSource.Default)
            : (entry.Phases, entry.OrganisationId is null ? CharterSource.KindDefaultChanged : CharterSource.OrganisationOverride);
        return new CharterLineDto(
            item.Name,
            item.IsRight ? CharterItemType.Right : CharterItemType.Obligation,
            item.Key,
            Names(phases),
            entry?.LegalBasis ?? "",
            source,
            item.Obligation is { } obligation ? rules.Bound(obligation) : null,
            entry?.UpdatedAt,
            entry is null ? null : userNames.GetValueOrDefault(entry.UpdatedBy, "a former user"));
    }

    public static async Task<IReadOnlyDictionary<Guid, string>> UserNamesAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>One phase, when one is given (an objective's, a task's, the phase a balance is asked for): never none or several.</summary>
    public static IRuleBuilderOptions<T, Phases?> OnePhase<T>(this IRuleBuilder<T, Phases?> rule) =>
        rule.Must(phase => phase is null || PhasesExtensions.Each.Contains(phase.Value))
            .WithMessage((_, phase) => Texts.Format("Validation.Charters.PhaseGive", phase, AllowedPhases));

    /// <summary>A set of phase names, checked the same way wherever one arrives.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> PhaseNames<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(names => TryParsePhases(names, out _))
            .WithMessage(x => Texts.Format("Validation.Charters.PhasesAmongEmptyList", AllowedPhases));
}
