using System.Globalization;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// Wall-clock times as a reader types and reads them, in their own IANA time zone (e.g. Asia/Shanghai), against
/// the UTC instants stored. The one place a typed time becomes an instant (ADR 0036).
/// </summary>
public static class ReaderTime
{
    /// <summary>Longest IANA zone id kept; the longest real one is 32 characters.</summary>
    public const int ZoneMaxLength = 64;

    /// <summary>Every IANA zone this machine knows, by id, for a reader to choose theirs from.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The zone by its IANA id, or null when the id is empty, unknown, or a Windows name.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > ZoneMaxLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        // Windows names ("China Standard Time") resolve too on ICU; only IANA ids are stored, so a browser's id round-trips.
        return zone.HasIanaId ? zone : null;
    }

    /// <summary>
    /// The instant a wall-clock time names in <paramref name="zone"/>. A time the clocks skip (spring forward) does
    /// not exist there and is refused; a time they pass twice (fall back) is the first, in summer time, as people
    /// usually mean the earlier hour.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            throw new SkippedTimeException(local, zone.Id);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static readonly AsyncLocal<TimeZoneInfo?> Recipient = new();

    /// <summary>
    /// Times said in sentences from here until disposed are on <paramref name="zoneId"/>'s clock (UTC when it is none
    /// or unknown): for what is written for someone who is not the one asking, as <see cref="RecipientLanguage"/> is.
    /// </summary>
    public static IDisposable ForRecipient(string? zoneId)
    {
        var before = Recipient.Value;
        Recipient.Value = FindZone(zoneId);
        return new Restore(() => Recipient.Value = before);
    }

    /// <summary>"2026-12-20 18:00 Asia/Shanghai": the instant on the recipient's clock, its zone named; UTC for no one's.</summary>
    public static string Say(DateTimeOffset instant) => Recipient.Value is { } zone
        ? string.Create(CultureInfo.InvariantCulture, $"{ToReader(instant, zone):yyyy-MM-dd HH:mm} {zone.Id}")
        : string.Create(CultureInfo.InvariantCulture, $"{instant.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>The instant as the reader's clock shows it, with the zone's offset at that moment.</summary>
    public static DateTimeOffset ToReader(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}

/// <summary>A wall-clock time that does not exist in the zone, because the clocks jump over it.</summary>
public sealed class SkippedTimeException(DateTime wallClock, string zoneId)
    : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wallClock:yyyy-MM-dd HH:mm} does not exist in {zoneId}: the clocks skip it."))
{
    public DateTime WallClock { get; } = wallClock;

    public string ZoneId { get; } = zoneId;
}
