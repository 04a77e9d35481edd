using System.Linq.Expressions;
using System.Reflection;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using FluentValidation;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>A timeline event as the auditor's workspace, the incident page, the API and the CSV show it.</summary>
public sealed record TimelineEventDto(
    Guid Id,
    string Chain,
    string ChainTitle,
    long Sequence,
    DateTimeOffset OccurredAt,
    Guid? ActorUserId,
    string ActorName,
    Guid? ActorOrganisationId,
    string ActorOrganisationName,
    string Action,
    string EntityType,
    string EntityId,
    string Payload,
    string PreviousHash,
    string Hash)
{
    /// <summary>Who acted when nobody signed in did: start-up reference data, demo set-up.</summary>
    public const string SystemActor = TimelineSentences.SystemName;

    /// <summary>An organisation acted, but through no account of a named person (data brought in before its staff had accounts).</summary>
    public const string UnnamedPerson = "(no named person)";

    public const string RegistryTitle = "Registry: organisations, people, charters, resources";
}

/// <summary>Which events a person may read, and how they are shown. One place for both.</summary>
public static class TimelineEvents
{
    /// <summary>
    /// Auditors and administrators read every chain; everyone else reads the timelines of the incidents whose
    /// detail they may see (<see cref="AccessRules.IncidentsWithDetailShown"/>) and never the registry.
    /// </summary>
    public static IQueryable<TimelineEvent> VisibleTo(this IQueryable<TimelineEvent> events, AppDbContext db, AccessRules rules, Reader reader)
    {
        if (reader.Oversees)
        {
            return events;
        }

        var incidents = rules.IncidentsWithDetailShown(db.Incidents, db.IncidentParticipants, db.IncidentReports, reader);
        return events.Where(e => e.ChainId != TimelineChains.Registry && incidents.Contains(e.ChainId));
    }

    /// <summary>Every action the timeline can hold: one per command, plus the reference data the system adds at start-up.</summary>
    public static readonly IReadOnlyList<string> KnownActions =
    [
        .. typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<RecordedAsAttribute>() is not null)
            .Select(TimelineRecorder.ActionName)
            .Append(ReferenceData.Action)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A chain named as in URLs: <c>registry</c> or an incident's id. Empty passes; add NotEmpty where one is required.</summary>
    public static IRuleBuilderOptions<T, string?> ChainName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || TimelineChains.TryParse(text, out _))
            .WithMessage((_, text) => Texts.Format("Validation.Audit.NotAChain", text));

    /// <summary>
    /// The event with the portal's own words — itself as the actor, an organisation's unnamed person, the registry's
    /// title — in the reader's language, for pages and the API; the CSV export keeps them as stored.
    /// </summary>
    public static TimelineEventDto ForReader(this TimelineEventDto e) => Phrases.InEnglish ? e : e with
    {
        ActorName = e.ActorUserId is not null ? e.ActorName : e.ActorName switch
        {
            TimelineEventDto.SystemActor => Texts.Get("Timeline.Sentence.System"),
            TimelineEventDto.UnnamedPerson => Texts.Get("Timeline.Actor.Unnamed"),
            _ => e.ActorName,
        },
        ChainTitle = e.Chain == TimelineChains.RegistryName && e.ChainTitle == TimelineEventDto.RegistryTitle ? Texts.Get("Audit.Registry") : e.ChainTitle,
    };

    /// <summary>A page of events, each <see cref="ForReader(TimelineEventDto)"/>: what every query answer gives its reader.</summary>
    public static TimelineEventPage ForReader(this TimelineEventPage page) => page with { Items = [.. page.Items.Select(ForReader)] };

    public static IQueryable<TimelineEventDto> Project(this IQueryable<TimelineEvent> events, AppDbContext db) =>
        events.Select(Projection(db));

    private static Expression<Func<TimelineEvent, TimelineEventDto>> Projection(AppDbContext db) => e => new TimelineEventDto(
        e.Id,
        e.ChainId == TimelineChains.Registry ? TimelineChains.RegistryName : e.ChainId.ToString(),
        e.ChainId == TimelineChains.Registry
            ? TimelineEventDto.RegistryTitle
            : db.Incidents.Where(i => i.Id == e.ChainId).Select(i => i.Title).FirstOrDefault() ?? e.ChainId.ToString(),
        e.Sequence,
        e.OccurredAt,
        e.ActorUserId,
        e.ActorUserId == null
            ? (e.ActorOrganisationId == null ? TimelineEventDto.SystemActor : TimelineEventDto.UnnamedPerson)
            : db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.ActorUserId.ToString()!,
        e.ActorOrganisationId,
        db.Organisations.Where(o => o.Id == e.ActorOrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
        e.Action,
        e.EntityType,
        e.EntityId,
        e.Payload,
        Convert.ToHexStringLower(e.PreviousHash),
        Convert.ToHexStringLower(e.Hash));
}
