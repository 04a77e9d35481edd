using System.Globalization;

namespace CrisisCoord.Domain.Common;

/// <summary>
/// A sentence for a person, said by the domain, which cannot read the translations (they live in Application):
/// the text's key, its English wording (the same as the English resource text; a unit test holds the two together)
/// and the values to fill in. <see cref="ToString"/> is the English, for logs; the edge writes it in the reader's
/// language from the key (ADR 0037).
/// </summary>
/// <param name="Key">The key in <c>Texts.resx</c>, e.g. <c>Rule.Task.AlreadyAssigned</c>.</param>
/// <param name="English">The English text with <c>{0}</c>-style placeholders.</param>
/// <param name="Args">Values: plain values as they are, <see cref="Term"/> for a named domain value, <see cref="Either"/> for a list, a nested <see cref="Phrase"/>.</param>
public sealed record Phrase(string Key, string English, params object?[] Args)
{
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, English, [.. Args.Select(InEnglish)]);

    /// <summary>A value as the English text shows it.</summary>
    public static object? InEnglish(object? value) => value switch
    {
        Term term => term.English,
        Either list => list.English,
        Phrase phrase => phrase.ToString(),
        LowerFirst lower => lower.English,
        Noun noun => noun.English,
        Need need => need.English,
        _ => value,
    };
}

/// <summary>A domain value named in a sentence (a state, a grade); English shows its code, lowercased if asked, other languages its name.</summary>
public sealed record Term(Enum Value, bool Lower = false)
{
    public string English => Lower ? Value.ToString().ToLowerInvariant() : Value.ToString();

    public override string ToString() => English;
}

/// <summary>"A or B" (or "A, B or C" with <paramref name="Commas"/>), as English lists alternatives.</summary>
public sealed record Either(IReadOnlyList<object> Items, bool Commas = false)
{
    public string English => Items.Count == 1 || !Commas
        ? string.Join(" or ", Items.Select(Phrase.InEnglish))
        : $"{string.Join(", ", Items.Take(Items.Count - 1).Select(Phrase.InEnglish))} or {Phrase.InEnglish(Items[^1])}";

    public override string ToString() => English;
}

/// <summary>A sentence set inside another, its first letter lowercased in English.</summary>
public sealed record LowerFirst(Phrase Inner)
{
    public string English => Inner.ToString() is { Length: > 0 } s ? char.ToLowerInvariant(s[0]) + s[1..] : "";

    public override string ToString() => English;
}

/// <summary>The name of a kind of record ("Incident", "Resource request"), as English writes it; other languages look it up.</summary>
public sealed record Noun(string Name, bool Lower = false)
{
    public string English => Lower ? Name.ToLowerInvariant() : Name;

    /// <summary>The part of the text key that names it: letters only, e.g. <c>ResourceRequest</c>.</summary>
    public string KeyPart => string.Concat(Name.Split(' ', '-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    public override string ToString() => English;
}

/// <summary>
/// An instant in a sentence written for someone (a notification): English of record writes it in UTC; the edge writes
/// it on the clock of the person it is for, with their zone named.
/// </summary>
public sealed record Moment(DateTimeOffset At)
{
    public string English => string.Create(CultureInfo.InvariantCulture, $"{At.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    public override string ToString() => English;
}

/// <summary>Something that says what went wrong as a <see cref="Phrase"/>, so the edge can write it in the reader's language.</summary>
public interface IHasPhrase
{
    Phrase? Phrase { get; }
}

/// <summary>
/// So many of a resource type in a sentence: English as <see cref="Resources.ResourceType.Describe"/> writes it
/// ("1,200 blankets", "300 litres of drinking water"); a language without plurals with its measure word.
/// </summary>
public sealed record Need(decimal Quantity, string Unit, string Name)
{
    public string English => Resources.ResourceType.Describe(Quantity, Unit, Name);

    public override string ToString() => English;
}
