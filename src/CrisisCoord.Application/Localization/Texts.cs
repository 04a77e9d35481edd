using System.Globalization;
using System.Resources;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// Every translated text, by key, from <c>Texts.resx</c> (English) and <c>Texts.zh-CN.resx</c> (ADR 0036).
/// Read in the current request's UI culture, so static helpers, validators and views share one source.
/// </summary>
public static class Texts
{
    public static readonly ResourceManager Resources = new("CrisisCoord.Application.Localization.Texts", typeof(Texts).Assembly);

    /// <summary>The text for <paramref name="key"/> in the reader's language; the key itself if there is none, so a gap shows instead of hiding.</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text with its placeholders filled, numbers and dates written the reader's way.
    /// A name inside the sentence that has an agreed version in the reader's language reads in it (ADR 0038).</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), [.. args.Select(a => a is string text ? TextVersions.Of(text) : a)]);

    /// <summary>The key of an enum value's display name, e.g. <c>IncidentState.Warning</c>.</summary>
    public static string KeyOf<TEnum>(TEnum value) where TEnum : struct, Enum => $"{typeof(TEnum).Name}.{value}";

    /// <summary>An enum value's display name in the reader's language.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Get(KeyOf(value));
}
