using CrisisCoord.Domain.Common;

namespace CrisisCoord.Application.Common;

/// <summary>
/// The record changed since the writer read it (optimistic concurrency on xmin). The write is refused,
/// never merged or lost; the edge answers 412 and the writer reloads.
/// </summary>
public sealed class StaleWriteException(string entity, object key)
    : Exception($"This {entity.ToLowerInvariant()} was changed by someone else since you opened it. Reload it to see their change, then make yours again."), IHasPhrase
{
    public string Entity { get; } = entity;

    public object Key { get; } = key;

    public Phrase Phrase { get; } = new(
        "Rule.Stale",
        "This {0} was changed by someone else since you opened it. Reload it to see their change, then make yours again.",
        new Noun(entity, Lower: true));
}
