using System.Globalization;
using System.Security.Claims;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;

namespace CrisisCoord.Web.Infrastructure.Localization;

/// <summary>
/// The time zone of the person reading this request: the browser's zone cookie, else the zone they saved, else UTC
/// (a reader whose browser has not said yet). Pages use it to read typed times and to show stored ones.
/// </summary>
public sealed class ReaderClock(IHttpContextAccessor http)
{
    private (TimeZoneInfo? Zone, string? Unknown)? _resolved;

    /// <summary>The reader's zone; UTC when none was told.</summary>
    public TimeZoneInfo Zone => Resolve().Zone ?? TimeZoneInfo.Utc;

    /// <summary>Whether the reader's zone is known (else times are read and shown in UTC).</summary>
    public bool Known => Resolve().Zone is not null;

    /// <summary>A zone id the browser sent that is not a known IANA zone; typed times cannot be read then.</summary>
    public string? UnknownZone => Resolve().Unknown;

    /// <summary>The zone's IANA id, or "UTC".</summary>
    public string ZoneName => Known ? Zone.Id : "UTC";

    /// <summary>A stored instant on the reader's clock, for a form field (datetime-local).</summary>
    public DateTimeOffset? ForField(DateTimeOffset? instant) => instant is { } at ? ReaderTime.ToReader(at, Zone) : null;

    /// <summary>
    /// A stored instant on the reader's clock with the zone's name, "2026-12-01 18:00 Asia/Shanghai": the form both
    /// languages read, and the one pages wrote for UTC before readers had zones. site.js rewrites it in the browser's own style.
    /// </summary>
    public string Show(DateTimeOffset instant) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReaderTime.ToReader(instant, Zone):yyyy-MM-dd HH:mm} {ZoneName}");

    private (TimeZoneInfo? Zone, string? Unknown) Resolve() => _resolved ??= ResolveNow();

    private (TimeZoneInfo?, string?) ResolveNow()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return (null, null);
        }

        if (ReaderCookies.Zone(context.Request) is { } told)
        {
            return ReaderTime.FindZone(told) is { } zone ? (zone, null) : (null, told);
        }

        return (ReaderTime.FindZone(context.User.FindFirstValue(ClaimNames.TimeZone)), null);
    }
}
