namespace CrisisCoord.Application.Common;

/// <summary>
/// The record changed since the writer read it (optimistic concurrency on xmin). The write is refused,
/// never merged or lost; the edge answers 412 and the writer reloads.
/// </summary>
public sealed class StaleWriteException(string entity, object key)
    : Exception($"{entity} '{key}' was changed by someone else since you read it. Reload it and apply your change again.");
