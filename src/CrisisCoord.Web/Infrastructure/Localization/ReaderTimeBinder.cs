using System.Globalization;
using CrisisCoord.Application.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrisisCoord.Web.Infrastructure.Localization;

/// <summary>
/// Reads a form's date and time as the reader typed it, on their own clock (<see cref="ReaderClock"/>), and binds the
/// UTC instant: "18:00" typed in Asia/Shanghai is 10:00 UTC. A value that carries its own offset ("…Z", "…+08:00")
/// is taken as it says. The only place a page's typed time becomes an instant.
/// </summary>
public sealed class ReaderTimeBinder : IModelBinder
{
    private static readonly string[] WallClockFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (!bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Texts.Format("Binding.Required", bindingContext.ModelMetadata.GetDisplayName()));
            }

            return Task.CompletedTask;
        }

        var error = Read(text, bindingContext.HttpContext.RequestServices.GetRequiredService<ReaderClock>(), out var instant);
        if (error is not null)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, error);
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(instant);
        return Task.CompletedTask;
    }

    /// <summary>The instant <paramref name="text"/> names for this reader, or why it names none.</summary>
    public static string? Read(string text, ReaderClock clock, out DateTimeOffset instant)
    {
        instant = default;
        if (DateTime.TryParseExact(text, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            if (clock.UnknownZone is { } unknown)
            {
                return Texts.Format("Time.ZoneUnknown", unknown);
            }

            try
            {
                instant = ReaderTime.ToUtc(wallClock, clock.Zone);
                return null;
            }
            catch (SkippedTimeException skipped)
            {
                return Texts.Format("Time.Skipped", skipped.WallClock.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), skipped.ZoneId);
            }
        }

        // Only a value that says its own offset; anything else would fall back to the server's zone.
        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stated))
        {
            instant = stated.ToUniversalTime();
            return null;
        }

        return Texts.Format("Time.NotATime", text);
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}

public sealed class ReaderTimeBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateTimeOffset) ? new ReaderTimeBinder() : null;
}
