using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Live;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// The public warnings page and feed are what a crowd reads in a crisis: they are output-cached briefly, for
/// anonymous readers only (one copy per language, never per reader), and dropped the moment a CAP message is issued.
/// </summary>
public static class WarningsSetup
{
    public const string PublicPolicy = "public-warnings";
    public const string Tag = "warnings";

    /// <summary>How long a cached page or feed may be served; a warning that runs out is gone from them within this.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddCrisisCoordWarnings(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(PublicPolicy, policy => policy
            .Expire(CacheFor)
            .Tag(Tag)
            .SetVaryByQuery("area")
            // One copy per language the request was answered in (culture cookie, then Accept-Language), so a
            // Chinese reader never gets the English page another reader left in the cache.
            .VaryByValue(context => new KeyValuePair<string, string>(
                "language", context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? ""))));

    /// <summary>After authentication, so the default policy can see who is signed in and serve them fresh.</summary>
    public static WebApplication UseCrisisCoordWarnings(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            // The command has committed by now: drop the cached pages so the next reader sees the change.
            if (context.RequestServices.GetService<WarningChanges>() is { Issued: true })
            {
                await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, CancellationToken.None);
                // Only now, with the cache dropped, may open public pages read again: earlier, they could re-cache the old page.
                context.RequestServices.GetRequiredService<ILiveSignals>().PublicWarningsChanged();
            }
        });
        app.UseOutputCache();
        return app;
    }
}
