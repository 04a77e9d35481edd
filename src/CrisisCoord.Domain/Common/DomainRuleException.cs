namespace CrisisCoord.Domain.Common;

/// <summary>
/// A request that is well-formed but breaks a rule of the domain in the entity's current state,
/// such as an illegal phase transition. The edge reports it as a conflict, in the reader's language
/// (<see cref="Phrase"/>); <see cref="Exception.Message"/> is the English, for logs.
/// </summary>
public class DomainRuleException(Phrase phrase) : Exception(phrase.ToString()), IHasPhrase
{
    public Phrase Phrase { get; } = phrase;
}
