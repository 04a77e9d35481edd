using System.Globalization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Timeline;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>
/// What an auditor narrows the timeline to. Values arrive as text (query strings) and are checked by
/// <see cref="TimelineFilterValidator{T}"/>, so a wrong value gets a message, never a 500.
/// </summary>
public abstract record TimelineFilter
{
    /// <summary><c>registry</c>, or an incident's id.</summary>
    public string? Chain { get; init; }

    /// <summary>The acting organisation.</summary>
    public Guid? Organisation { get; init; }

    /// <summary>The acting person.</summary>
    public Guid? Actor { get; init; }

    /// <summary>The command, e.g. <c>LogIncident</c>.</summary>
    public string? Action { get; init; }

    /// <summary>From this moment (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Until this moment (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary><c>newest</c> (the default) or <c>oldest</c> first.</summary>
    public string? Order { get; init; }

    public bool OldestFirst => string.Equals(Order, "oldest", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Asking for the registry's chain by name is refused outright to those who may not read it (rather
    /// than answered with nothing); checked before any event is read, so an export fails before it starts.
    /// </summary>
    public void EnsureReadableBy(Reader reader)
    {
        if (TimelineChains.TryParse(Chain, out var chain) && chain == TimelineChains.Registry && !reader.Oversees)
        {
            throw new AccessDeniedException(new Phrase("Denied.RegistryTimeline", "Only auditors and administrators read the registry's timeline."));
        }
    }

    /// <summary>The events this filter selects among those <paramref name="reader"/> may read.</summary>
    public IQueryable<TimelineEvent> Apply(AppDbContext db, IQueryable<TimelineEvent> events, AccessRules rules, Reader reader)
    {
        events = events.VisibleTo(db, rules, reader);
        if (TimelineChains.TryParse(Chain, out var chain))
        {
            events = events.Where(e => e.ChainId == chain);
        }

        if (Organisation is { } organisation)
        {
            events = events.Where(e => e.ActorOrganisationId == organisation);
        }

        if (Actor is { } actor)
        {
            events = events.Where(e => e.ActorUserId == actor);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            events = events.Where(e => e.Action == action);
        }

        if (From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        return events;
    }

    /// <summary>One page in the chosen order, starting after <paramref name="after"/>; keyset, so any depth costs the same.</summary>
    public async Task<TimelineEventPage> PageAsync(AppDbContext db, AccessRules rules, Reader reader, TimelineCursor? after, int limit, CancellationToken ct)
    {
        var events = Apply(db, db.TimelineEvents.AsNoTracking(), rules, reader);
        if (after is { } c)
        {
            // Row-value comparisons, so PostgreSQL seeks the (occurred_at, chain_id, sequence) index directly.
            events = OldestFirst
                ? events.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.OccurredAt, e.ChainId, e.Sequence), ValueTuple.Create(c.OccurredAt, c.ChainId, c.Sequence)))
                : events.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.OccurredAt, e.ChainId, e.Sequence), ValueTuple.Create(c.OccurredAt, c.ChainId, c.Sequence)));
        }

        events = OldestFirst
            ? events.OrderBy(e => e.OccurredAt).ThenBy(e => e.ChainId).ThenBy(e => e.Sequence)
            : events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.ChainId).ThenByDescending(e => e.Sequence);

        var rows = await events.Take(limit + 1).Project(db).ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = TimelineCursor.After(rows[^1]).Encode();
        }

        return new TimelineEventPage(rows, next);
    }
}

public sealed class TimelineFilterValidator<T> : AbstractValidator<T>
    where T : TimelineFilter
{
    public TimelineFilterValidator()
    {
        RuleFor(x => x.Chain).ChainName();
        RuleFor(x => x.Action).PlainText().MaximumLength(TimelineEvent.ActionMaxLength);
        RuleFor(x => x.To)
            .GreaterThan(x => x.From)
            .When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Texts.Get("Validation.Audit.LaterThan"));
        RuleFor(x => x.Order)
            .Must(v => v is null || string.Equals(v, "newest", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "oldest", StringComparison.OrdinalIgnoreCase))
            .WithMessage(x => Texts.Format("Validation.Audit.OrderGiveNewestOldest", x.Order));
    }
}

/// <summary>The timeline across incidents, one page at a time, newest or oldest first.</summary>
[Performs(Act.ReadTimeline)]
public sealed record ListTimelineEventsQuery : TimelineFilter, IQuery<TimelineEventPage>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int? Limit { get; init; }

    /// <summary>The <see cref="TimelineEventPage.NextCursor"/> of the previous page.</summary>
    public string? After { get; init; }
}

public sealed record TimelineEventPage(IReadOnlyList<TimelineEventDto> Items, string? NextCursor);

/// <summary>Where a page ended: (time, chain, sequence) of its last event, unique and in time order.</summary>
public readonly record struct TimelineCursor(DateTimeOffset OccurredAt, Guid ChainId, long Sequence)
{
    public static TimelineCursor After(TimelineEventDto e) =>
        new(e.OccurredAt, TimelineChains.TryParse(e.Chain, out var chain) ? chain : TimelineChains.Registry, e.Sequence);

    public string Encode() => CursorText.Encode(
        OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ChainId.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture));

    public static TimelineCursor? Decode(string? text) =>
        CursorText.Decode(text, 3) is [var ticksText, var chainText, var sequenceText]
        && long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
        && Guid.TryParseExact(chainText, "N", out var chain)
        && long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? new TimelineCursor(new DateTimeOffset(ticks, TimeSpan.Zero), chain, sequence)
            : null;
}

public sealed class ListTimelineEventsQueryValidator : AbstractValidator<ListTimelineEventsQuery>
{
    public ListTimelineEventsQueryValidator()
    {
        Include(new TimelineFilterValidator<ListTimelineEventsQuery>());
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListTimelineEventsQuery.MaxLimit)
            .WithMessage(_ => Texts.Format("Validation.Audit.LimitBetween1", ListTimelineEventsQuery.MaxLimit));
        RuleFor(x => x.After)
            .Must(v => TimelineCursor.Decode(v) is not null)
            .When(x => !string.IsNullOrEmpty(x.After))
            .WithMessage(_ => CursorText.InvalidMessage);
    }
}

public sealed class ListTimelineEventsQueryHandler(AppDbContext db, AccessPolicy access, AccessRules rules)
    : IQueryHandler<ListTimelineEventsQuery, TimelineEventPage>
{
    public async ValueTask<TimelineEventPage> Handle(ListTimelineEventsQuery query, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(cancellationToken);
        query.EnsureReadableBy(reader);

        var page = await query.PageAsync(db, rules, reader, TimelineCursor.Decode(query.After), query.Limit ?? ListTimelineEventsQuery.DefaultLimit, cancellationToken);
        return page.ForReader();
    }
}
