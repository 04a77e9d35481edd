using System.Globalization;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Resources;

namespace CrisisCoord.Application.Notifications;

/// <summary>
/// So many of a resource type, inside a notification's title, in the language the title is written in: in English
/// the domain's wording ("1,200 blankets", "5,000 litres of drinking water"); in a language without plurals the
/// quantity, the unit's measure word and the type's agreed name ("1,200 条毛毯"), as the pages write a need.
/// </summary>
public sealed class NeedText(decimal quantity, string unit, string typeName) : IFormattable
{
    /// <summary>Written by <see cref="string.Format(IFormatProvider, string, object[])"/> in <paramref name="formatProvider"/>'s language.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo { TwoLetterISOLanguageName: not ("en" or "iv") } culture
            ? Texts.Format(
                "Display.Need",
                quantity.ToString(quantity == decimal.Truncate(quantity) ? "#,0" : "#,0.##", culture),
                Texts.Resources.GetString("Display.Unit." + unit.Trim().ToLowerInvariant(), CultureInfo.CurrentUICulture) ?? unit,
                typeName)
            : ToString();

    public override string ToString() => ResourceType.Describe(quantity, unit, typeName);
}
