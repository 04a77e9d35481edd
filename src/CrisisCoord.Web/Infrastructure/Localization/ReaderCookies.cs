using System.Security.Claims;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;

namespace CrisisCoord.Web.Infrastructure.Localization;

/// <summary>
/// The two cookies that say how this browser's reader reads: ASP.NET Core's standard culture cookie and the
/// time zone (also written by site.js from the browser's own zone). At sign-in the person's saved choices overwrite
/// them, so what they chose follows them to every device (ADR 0036).
/// </summary>
public static class ReaderCookies
{
    public static readonly string CultureCookie = CookieRequestCultureProvider.DefaultCookieName;

    /// <summary>Read and written by site.js too, so not HttpOnly; it holds nothing secret.</summary>
    public const string ZoneCookie = "crisiscoord-zone";

    private static readonly TimeSpan Kept = TimeSpan.FromDays(365);

    public static void RememberLanguage(HttpResponse response, string culture) =>
        response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), Options(response, httpOnly: true));

    public static void RememberZone(HttpResponse response, string zone) =>
        response.Cookies.Append(ZoneCookie, zone, Options(response, httpOnly: false));

    /// <summary>The zone id the browser last told, as sent (unchecked), or null.</summary>
    public static string? Zone(HttpRequest request) =>
        request.Cookies.TryGetValue(ZoneCookie, out var zone) && !string.IsNullOrWhiteSpace(zone) ? zone : null;

    public static Task OnSignedIn(CookieSignedInContext context)
    {
        if (Languages.Find(context.Principal?.FindFirstValue(ClaimNames.Language)) is { } language)
        {
            RememberLanguage(context.Response, language);
        }

        if (ReaderTime.FindZone(context.Principal?.FindFirstValue(ClaimNames.TimeZone)) is { } zone)
        {
            RememberZone(context.Response, zone.Id);
        }

        return Task.CompletedTask;
    }

    private static CookieOptions Options(HttpResponse response, bool httpOnly) => new()
    {
        Path = "/",
        MaxAge = Kept,
        HttpOnly = httpOnly,
        SameSite = SameSiteMode.Lax,
        Secure = response.HttpContext.Request.IsHttps,
        // A choice the reader made; not tracking.
        IsEssential = true,
    };
}
