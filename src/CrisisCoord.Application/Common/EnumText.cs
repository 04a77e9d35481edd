using CrisisCoord.Application.Localization;

namespace CrisisCoord.Application.Common;

/// <summary>
/// Reads enum values from text the way people type them: by name, ignoring case, and never by
/// number (so "7" is not silently accepted as a category).
/// </summary>
public static class EnumText
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        return false;
    }

    public static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    public static string NotValidMessage<TEnum>(string? text)
        where TEnum : struct, Enum => Texts.Format("Validation.NotOneOf", text, Allowed<TEnum>());
}
