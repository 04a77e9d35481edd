using System.Globalization;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// Writes what the domain says (<see cref="Phrase"/>) in the reader's language (ADR 0037): the text of its key,
/// with named values (states, grades, kinds of record) in that language too. English keeps the wording the
/// domain wrote, codes and all, so English messages read exactly as before.
/// </summary>
public static class Phrases
{
    /// <summary>The phrase in the current UI culture.</summary>
    public static string Say(this Phrase phrase) =>
        Texts.Format(phrase.Key, [.. phrase.Args.Select(Value)]);

    /// <summary>What an exception tells the person, in their language when it carries a phrase; its message otherwise.</summary>
    public static string Say(this Exception exception) =>
        exception is IHasPhrase { Phrase: { } phrase } ? phrase.Say() : exception.Message;

    /// <summary>Whether the reader reads English, where named values keep the domain's own wording.</summary>
    public static bool InEnglish =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "en" or "iv";

    /// <summary>The text key naming a domain value: <c>Type.Value</c> where the glossary has it, else under <c>Rule.Term.</c>.</summary>
    public static string KeyOf(Enum value)
    {
        var key = $"{value.GetType().Name}.{value}";
        return Texts.Resources.GetString(key, CultureInfo.InvariantCulture) is null ? "Rule.Term." + key : key;
    }

    private static object? Value(object? value) => value switch
    {
        Phrase inner => inner.Say(),
        LowerFirst lower => InEnglish ? lower.English : lower.Inner.Say(),
        Term term => InEnglish ? term.English : Texts.Get(KeyOf(term.Value)),
        Noun noun => InEnglish ? noun.English : Texts.Get(NounKey(noun)),
        Either list => InEnglish ? list.English : Join(list.Items),
        Need need => Amounts.Need(need.Quantity, need.Unit, need.Name),
        Moment moment => ReaderTime.Say(moment.At),
        _ => value,
    };

    /// <summary>The key naming a kind of record; an unnamed one is "record".</summary>
    public static string NounKey(Noun noun)
    {
        var key = "NotFound.Entity." + noun.KeyPart;
        return Texts.Resources.GetString(key, CultureInfo.InvariantCulture) is null ? "NotFound.Entity.Record" : key;
    }

    private static string Join(IReadOnlyList<object> items)
    {
        var said = items.Select(i => Convert.ToString(Value(i), CultureInfo.CurrentCulture) ?? "").ToList();
        return said.Count == 1 ? said[0] : Texts.Format("Rule.Either", string.Join(Texts.Get("Rule.ListSeparator"), said.Take(said.Count - 1)), said[^1]);
    }
}
