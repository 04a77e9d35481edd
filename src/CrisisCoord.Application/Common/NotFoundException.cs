using CrisisCoord.Domain.Common;

namespace CrisisCoord.Application.Common;

/// <summary>No such record, or one the reader may not know exists. The edge answers 404 in the reader's language.</summary>
public sealed class NotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found."), IHasPhrase
{
    public string Entity { get; } = entity;

    public object Key { get; } = key;

    public Phrase Phrase { get; } = new("NotFound.Record", "{0} '{1}' was not found.", new Noun(entity), key);
}
