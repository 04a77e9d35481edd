using System.Globalization;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>Reads something as a reader of <c>culture</c> would (formats and texts), then puts the thread's cultures back.</summary>
public static class Culture
{
    public static T In<T>(string culture, Func<T> read)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }
}
