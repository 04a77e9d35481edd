using System.Text.Json.Serialization;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Obligations;

/// <param name="AsOf">The time the list was computed; overdue figures are as of then.</param>
/// <param name="Items">Most overdue first, then by due time (then by obligation, subject and organisation).</param>
public sealed record ObligationList(DateTimeOffset AsOf, IReadOnlyList<ObligationDto> Items);

/// <summary>
/// One open obligation; <see cref="BreachRecordedAt"/> is when its breach went on the timeline, if it has.
/// Its words are kept as phrases and said in the reader's language each time they are read (<see cref="Bound"/>,
/// <see cref="Subject"/>: by the page, by the API's JSON): the lists are computed once and shared between readers
/// of every language (SharedReads), so no handler could say them for all of them.
/// </summary>
public sealed record ObligationDto(
    Obligation Obligation,
    [property: JsonIgnore] Phrase BoundPhrase,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind OrganisationKind,
    Guid? IncidentId,
    string? IncidentTitle,
    Guid SubjectId,
    [property: JsonIgnore] Phrase SubjectPhrase,
    DateTimeOffset Since,
    DateTimeOffset DueAt,
    bool Overdue,
    int OverdueMinutes,
    DateTimeOffset? BreachRecordedAt)
{
    /// <summary>How long the obligation allows, e.g. "30 min in response, 4 h otherwise", in the reader's language.</summary>
    public string Bound => BoundPhrase.Say();

    /// <summary>What is owed, e.g. "Set objectives for the response phase", in the reader's language.</summary>
    public string Subject => SubjectPhrase.Say();
}

/// <summary>Builds an <see cref="ObligationList"/>: shared by the obligation queries, the dashboard and the incident and organisation pages.</summary>
public static class ObligationLists
{
    /// <summary>
    /// The rows the reader may see: an obligation in an incident names its tasks and requests, which are that
    /// incident's detail, so it is shown only to those who see the detail; inventory obligations name no incident.
    /// </summary>
    public static async Task<ObligationList> ShownToReaderAsync(this ObligationList list, AccessPolicy access, CancellationToken ct)
    {
        var shown = await access.DetailShownAsync([.. list.Items.Where(o => o.IncidentId is not null).Select(o => o.IncidentId!.Value).Distinct()], ct);
        return list with { Items = [.. list.Items.ShownWhereDetailIs(shown.Contains)] };
    }

    /// <summary>
    /// The same, given whether the reader sees an incident's detail (decided already, for other lists too), as the
    /// rows are enumerated: a reader of tens of thousands of shared rows keeps no copy of them.
    /// </summary>
    public static IEnumerable<ObligationDto> ShownWhereDetailIs(this IEnumerable<ObligationDto> items, Func<Guid, bool> detailShown) =>
        items.Where(o => o.IncidentId is not { } incident || detailShown(incident));

    /// <summary>The obligations in scope, named and with their breach records, most overdue first.</summary>
    public static async Task<ObligationList> ListAsync(AppDbContext db, ObligationRules rules, DateTimeOffset now, ObligationScope scope, CancellationToken ct)
    {
        var (open, organisations, incidents) = await db.FindNamedAsync(rules, scope, ct);
        var keys = open.Where(o => o.IsBreachedAt(now)).Select(o => o.BreachKey).ToList();
        var recorded = keys.Count == 0
            ? []
            : await db.ObligationBreaches.AsNoTracking()
                .Where(b => keys.Contains(b.Key))
                .Select(b => new { b.Key, b.DetectedAt })
                .ToDictionaryAsync(b => b.Key, b => b.DetectedAt, ct);

        var bounds = Enum.GetValues<Obligation>().ToDictionary(o => o, rules.Bound);
        var items = open
            .Select(o => new ObligationDto(
                o.Obligation,
                bounds[o.Obligation],
                o.OrganisationId,
                organisations[o.OrganisationId].Name,
                organisations[o.OrganisationId].Kind,
                o.IncidentId,
                o.IncidentId is { } id ? incidents[id] : null,
                o.SubjectId,
                o.Subject,
                o.Since,
                o.DueAt,
                o.IsBreachedAt(now),
                (int)o.OverdueAt(now).TotalMinutes,
                recorded.TryGetValue(o.BreachKey, out var at) ? at : null))
            // Due soonest first is most overdue first; the rest of the key makes the order total, for keyset pages.
            .OrderBy(o => o.DueAt).ThenBy(o => o.Obligation).ThenBy(o => o.SubjectId).ThenBy(o => o.OrganisationId)
            .ToList();
        return new ObligationList(now, items);
    }
}
