using System.Globalization;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// Texts written for someone who is not the one asking (a notification, a mail, a digest built by the watch) are
/// in that person's saved language (<c>users.preferred_language</c>), not the sender's; with none saved, English
/// and the invariant culture, as all work outside a request (ADRs 0036, 0037). Dispose to return to the caller's.
/// </summary>
public sealed class RecipientLanguage : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private RecipientLanguage(string? language)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var culture = Languages.Find(language) is { } known && known != Languages.Default
            ? CultureInfo.GetCultureInfo(known)
            : CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static RecipientLanguage Use(string? language) => new(language);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
