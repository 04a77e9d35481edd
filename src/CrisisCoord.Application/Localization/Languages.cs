using System.Globalization;

namespace CrisisCoord.Application.Localization;

/// <summary>The languages the portal speaks; English when nothing else is asked for.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Chinese = "zh-CN";
    public const string Default = English;

    /// <summary>Each language by its culture name, named in itself so a reader finds their own in a list of strangers.</summary>
    public static readonly IReadOnlyList<(string Culture, string NativeName)> Supported =
    [
        (English, "English"),
        (Chinese, "中文"),
    ];

    public static readonly IReadOnlyList<CultureInfo> Cultures = [.. Supported.Select(l => CultureInfo.GetCultureInfo(l.Culture))];

    /// <summary>The supported culture name matching <paramref name="culture"/> (any case), or null.</summary>
    public static string? Find(string? culture) =>
        Supported.Select(l => l.Culture).FirstOrDefault(c => string.Equals(c, culture?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the current request, as a supported culture name.</summary>
    public static string Current => Find(CultureInfo.CurrentUICulture.Name) ?? Default;
}
