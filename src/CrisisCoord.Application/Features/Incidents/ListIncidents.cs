using System.Globalization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// Incidents newest first, one page at a time. Filters arrive as text (from a query string) and
/// are checked by the validator, so a wrong value gets a message listing the allowed ones.
/// </summary>
[Performs(Act.ViewDirectory)]
public sealed record ListIncidentsQuery : IQuery<IncidentPage>
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public string? Category { get; init; }

    public string? Severity { get; init; }

    public string? State { get; init; }

    public int? Limit { get; init; }

    /// <summary>The <see cref="IncidentPage.NextCursor"/> of the previous page.</summary>
    public string? After { get; init; }
}

public sealed record IncidentPage(IReadOnlyList<IncidentDto> Items, string? NextCursor);

/// <summary>
/// Where a page ended: the (reported-at, id) of its last row. Keyset pagination on that pair is
/// stable under concurrent inserts and costs the same at any depth.
/// </summary>
public readonly record struct IncidentCursor(DateTimeOffset ReportedAt, Guid Id)
{
    public string Encode() =>
        CursorText.Encode(ReportedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryDecode(string? text, out IncidentCursor cursor)
    {
        cursor = default;
        if (CursorText.Decode(text, 2) is not [var ticksText, var idText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(idText, "N", out var id))
        {
            return false;
        }

        cursor = new IncidentCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public sealed class ListIncidentsQueryValidator : AbstractValidator<ListIncidentsQuery>
{
    public ListIncidentsQueryValidator()
    {
        RuleFor(x => x.Category)
            .Must(v => EnumText.TryParse<IncidentCategory>(v, out _))
            .When(x => !string.IsNullOrEmpty(x.Category))
            .WithMessage(x => EnumText.NotValidMessage<IncidentCategory>(x.Category));
        RuleFor(x => x.Severity)
            .Must(v => EnumText.TryParse<Severity>(v, out _))
            .When(x => !string.IsNullOrEmpty(x.Severity))
            .WithMessage(x => EnumText.NotValidMessage<Severity>(x.Severity));
        RuleFor(x => x.State)
            .Must(v => EnumText.TryParse<IncidentState>(v, out _))
            .When(x => !string.IsNullOrEmpty(x.State))
            .WithMessage(x => EnumText.NotValidMessage<IncidentState>(x.State));
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListIncidentsQuery.MaxLimit)
            .WithMessage(_ => Texts.Format("Validation.Audit.LimitBetween1", ListIncidentsQuery.MaxLimit));
        RuleFor(x => x.After)
            .Must(v => IncidentCursor.TryDecode(v, out _))
            .When(x => !string.IsNullOrEmpty(x.After))
            .WithMessage(_ => CursorText.InvalidMessage);
    }
}

public sealed class ListIncidentsQueryHandler(AppDbContext db, AccessPolicy access, AccessRules rules) : IQueryHandler<ListIncidentsQuery, IncidentPage>
{
    public async ValueTask<IncidentPage> Handle(ListIncidentsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? ListIncidentsQuery.DefaultLimit;
        var incidents = rules.IncidentsShown(db.Incidents.AsNoTracking(), db.IncidentParticipants, db.IncidentReports, await access.ReaderAsync(cancellationToken));

        if (EnumText.TryParse<IncidentCategory>(query.Category, out var category))
        {
            incidents = incidents.Where(x => x.Category == category);
        }

        if (EnumText.TryParse<Severity>(query.Severity, out var severity))
        {
            incidents = incidents.Where(x => x.Severity == severity);
        }

        if (EnumText.TryParse<IncidentState>(query.State, out var state))
        {
            incidents = incidents.Where(x => x.State == state);
        }

        if (IncidentCursor.TryDecode(query.After, out var after))
        {
            // A row-value comparison, so PostgreSQL can seek the (reported_at, id) index directly.
            incidents = incidents.Where(x =>
                EF.Functions.LessThan(ValueTuple.Create(x.ReportedAt, x.Id), ValueTuple.Create(after.ReportedAt, after.Id)));
        }

        var rows = await incidents
            .OrderByDescending(x => x.ReportedAt).ThenByDescending(x => x.Id)
            .Take(limit + 1)
            .Select(IncidentDto.Projection)
            .ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = new IncidentCursor(rows[^1].ReportedAt, rows[^1].Id).Encode();
        }

        var shown = await access.DetailShownAsync([.. rows.Select(r => r.Id)], cancellationToken);
        return new IncidentPage([.. rows.Select(r => shown.Contains(r.Id) ? r : r.WithoutDetail())], next);
    }
}
