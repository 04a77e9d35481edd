using System.Globalization;
using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace CrisisCoord.Web.Infrastructure.Localization;

/// <summary>
/// Which language a request is answered in (ADR 0036): the culture cookie, which the language switcher writes and
/// sign-in fills from the person's saved choice, then the Accept-Language header (API clients), then English.
/// </summary>
public static class LocalizationSetup
{
    /// <summary>Where the top bar's language switcher posts.</summary>
    public const string SwitchPath = "/language";

    public static IServiceCollection AddCrisisCoordLocalization(this IServiceCollection services)
    {
        // Work outside a request (mail outbox, periodic checks) formats as it did under invariant globalization,
        // whatever the host's locale; requests take their language below.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        services.AddScoped<ReaderClock>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = [.. Languages.Cultures];
            options.SupportedUICultures = [.. Languages.Cultures];
            // "zh" or "zh-Hans-CN" from a browser still finds zh-CN; "fr" falls to the default.
            options.FallBackToParentUICultures = true;
            options.FallBackToParentCultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = ReaderCookies.CultureCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapPost(SwitchPath, SwitchAsync).ExcludeFromDescription();
        app.MapGet(SwitchPath, SwitchCookieOnly).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The switcher: remembers the language (and the zone the browser is using) in cookies and, for a signed-in
    /// person, as their saved choice; then back to the page they were on.
    /// </summary>
    private static async Task<IResult> SwitchAsync(HttpContext context, IAntiforgery antiforgery, ISender sender, CancellationToken ct)
    {
        // Checked here, as Razor Pages do for their forms (the app has no antiforgery middleware for endpoints).
        await antiforgery.ValidateRequestAsync(context);
        var form = await context.Request.ReadFormAsync(ct);
        var language = Languages.Find(form["culture"])
            ?? throw new ValidationException([new ValidationFailure("culture", Texts.Format("Preferences.UnknownLanguage", string.Join(", ", Languages.Supported.Select(l => l.Culture))))]);
        var zone = ReaderTime.FindZone(form["timeZone"]);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await sender.Send(new SetMyPreferencesCommand { Language = language, TimeZone = zone?.Id }, ct);
        }

        ReaderCookies.RememberLanguage(context.Response, language);
        if (zone is not null)
        {
            ReaderCookies.RememberZone(context.Response, zone.Id);
        }

        return TypedResults.LocalRedirect(SafeReturn(form["returnUrl"]));
    }

    /// <summary>
    /// The switcher of a page a cache keeps (the public warnings): it has no antiforgery token, so it only sets the
    /// reader's own language cookie and saves nothing; a forged link can do no more than change the page's language.
    /// </summary>
    private static IResult SwitchCookieOnly(HttpContext context, string? culture, string? returnUrl)
    {
        var language = Languages.Find(culture)
            ?? throw new ValidationException([new ValidationFailure("culture", Texts.Format("Preferences.UnknownLanguage", string.Join(", ", Languages.Supported.Select(l => l.Culture))))]);
        ReaderCookies.RememberLanguage(context.Response, language);
        return TypedResults.LocalRedirect(SafeReturn(returnUrl));
    }

    /// <summary>A path on this site to go back to; anything else (another host, "//evil", "/\evil") is the home page.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
            ? url
            : "/";
}
