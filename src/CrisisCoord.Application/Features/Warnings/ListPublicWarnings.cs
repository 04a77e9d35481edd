using System.Globalization;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// The warnings in force now for everyone: public, real (not exercises), published or updated and not yet
/// expired. <see cref="Area"/> (<c>lat,lon,km</c>) keeps those whose areas touch that circle. No sign-in needed.
/// </summary>
[Performs(Act.ReadPublicWarnings)]
public sealed record ListPublicWarningsQuery : IQuery<PublicWarnings>
{
    public string? Area { get; init; }
}

/// <summary>A warning in force, as the public page, the map and the feed show it.</summary>
public sealed record PublicWarningDto(
    Guid Id,
    string Event,
    string Headline,
    string Description,
    string Instruction,
    string Severity,
    Domain.Incidents.Severity Grade,
    CapUrgency Urgency,
    CapCertainty Certainty,
    IReadOnlyList<CapResponseType> ResponseTypes,
    string Audience,
    DateTimeOffset? Onset,
    DateTimeOffset? Effective,
    DateTimeOffset Expires,
    IReadOnlyList<WarningArea> Areas,
    string SenderName,
    string Identifier,
    string Sent,
    DateTimeOffset SentAt,
    CapMessageType MessageType)
{
    public string CapUrl => $"/api/v1/warnings/{Id}.cap";
}

/// <param name="Warnings">Soonest to expire first.</param>
/// <param name="Updated">When the newest of them was last issued; null when there are none.</param>
public sealed record PublicWarnings(IReadOnlyList<PublicWarningDto> Warnings, DateTimeOffset? Updated);

public sealed class ListPublicWarningsQueryValidator : AbstractValidator<ListPublicWarningsQuery>
{
    public ListPublicWarningsQueryValidator() =>
        RuleFor(x => x.Area).Custom((area, context) =>
        {
            if (AreaFilter.Parse(area!).Problem is { } problem)
            {
                context.AddFailure(problem);
            }
        }).When(x => x.Area is not null);
}

/// <summary><c>lat,lon,km</c>: the circle the feed's area filter keeps warnings touching.</summary>
public static class AreaFilter
{
    public const double MaxRadiusKm = 2000;

    public static (GeoCircle? Circle, string? Problem) Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 3)
        {
            return (null, "area must be 'latitude,longitude,radius in km', e.g. 30.51,114.29,25.");
        }

        var numbers = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                return (null, $"area: '{(parts[i].Length > 20 ? parts[i][..20] + "…" : parts[i])}' is not a number; write 'latitude,longitude,radius in km'.");
            }
        }

        if (!GeoPoint.IsValidLatitude(numbers[0]) || !GeoPoint.IsValidLongitude(numbers[1]))
        {
            return (null, "area: the latitude must be between -90 and 90 and the longitude between -180 and 180.");
        }

        return numbers[2] is > 0 and <= MaxRadiusKm
            ? (new GeoCircle(numbers[0], numbers[1], numbers[2]), null)
            : (null, $"area: the radius must be more than 0 and at most {MaxRadiusKm:0} km.");
    }
}

public sealed class ListPublicWarningsQueryHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListPublicWarningsQuery, PublicWarnings>
{
    public async ValueTask<PublicWarnings> Handle(ListPublicWarningsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Warnings.AsNoTracking()
            .Where(w => (w.State == WarningState.Published || w.State == WarningState.Updated)
                && w.Expires > now && w.Scope == WarningScope.Public && w.Status == WarningStatus.Actual)
            .OrderBy(w => w.Expires).ThenBy(w => w.Id)
            .Select(w => new
            {
                Warning = w,
                Grade = db.Incidents.Where(i => i.Id == w.IncidentId).Select(i => i.Severity).First(),
                SenderName = db.Organisations.Where(o => o.Id == w.PublishedByOrganisationId).Select(o => o.Name).FirstOrDefault(),
                Current = db.WarningMessages.Where(m => m.WarningId == w.Id).OrderByDescending(m => m.Sequence)
                    .Select(m => new { m.Identifier, m.SentText, m.Sent, m.MessageType }).First(),
            })
            .ToListAsync(cancellationToken);

        var circle = query.Area is { } area ? AreaFilter.Parse(area).Circle : null;
        var warnings = rows
            .Where(r => circle is null || r.Warning.Areas.Any(a => a.Touches(circle.Latitude, circle.Longitude, circle.RadiusKm)))
            .Select(r => new PublicWarningDto(
                r.Warning.Id, r.Warning.Event, r.Warning.Headline, r.Warning.Description, r.Warning.Instruction, CapMapping.CapSeverity(r.Grade), r.Grade,
                r.Warning.Urgency, r.Warning.Certainty, r.Warning.ResponseTypes, r.Warning.Audience, r.Warning.Onset, r.Warning.Effective,
                r.Warning.Expires, r.Warning.Areas, r.SenderName ?? "", r.Current.Identifier, r.Current.SentText, r.Current.Sent, r.Current.MessageType))
            .ToList();
        return new PublicWarnings(warnings, warnings.Count == 0 ? null : warnings.Max(w => w.SentAt));
    }
}
