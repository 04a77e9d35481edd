using System.Globalization;
using CrisisCoord.Domain.Resources;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// How many of what, in the reader's language: the one place pages, phrases and notifications write an amount.
/// English counts with plural nouns, as the domain words it ("6 boats", "5,000 litres of drinking water"); a language
/// without them puts a measure word from Display.Unit.* before the type's name ("5,000 升饮用水"), and a unit it has
/// no word for as it was typed.
/// </summary>
public static class Amounts
{
    /// <summary>"1,500", "2.5": thousands grouped, decimals only when there are some, the reader's way.</summary>
    public static string Quantity(decimal quantity) =>
        quantity.ToString(quantity == decimal.Truncate(quantity) ? "#,0" : "#,0.##", CultureInfo.CurrentCulture);

    /// <summary>"1 boat", "6 boats", "200 litres"; in Chinese "6 艘", "200 升".</summary>
    public static string Amount(decimal quantity, string unit) =>
        Phrases.InEnglish ? ResourceType.Amount(quantity, unit) : Texts.Format("Display.Amount", Quantity(quantity), Unit(unit));

    /// <summary>"600 shelter beds", "5,000 litres of drinking water"; in Chinese "600 张安置床位", "5,000 升饮用水".</summary>
    public static string Need(decimal quantity, string unit, string typeName) =>
        Phrases.InEnglish ? ResourceType.Describe(quantity, unit, typeName) : Texts.Format("Display.Need", Quantity(quantity), Unit(unit), typeName);

    /// <summary>The measure word for a unit ("条", "升"); a unit it has no word for as it was typed.</summary>
    public static string Unit(string unit) =>
        Texts.Resources.GetString("Display.Unit." + unit.Trim().ToLowerInvariant(), CultureInfo.CurrentUICulture) ?? unit;
}
