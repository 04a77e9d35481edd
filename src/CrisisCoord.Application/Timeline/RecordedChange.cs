using System.Text.Json.Nodes;

namespace CrisisCoord.Application.Timeline;

/// <summary>One row a unit of work added, changed or deleted, as it goes into an event's payload.</summary>
public sealed class RecordedChange(Type entityClrType, string id, Guid? incidentId)
{
    public Type EntityClrType { get; } = entityClrType;

    public string Entity => ChangeJournal.EntityName(EntityClrType);

    public string Id { get; } = id;

    /// <summary><c>added</c>, <c>modified</c> or <c>deleted</c>.</summary>
    public string Change { get; set; } = "modified";

    public JsonObject Values { get; } = [];

    /// <summary>The incident the row belongs to, when it has an IncidentId.</summary>
    public Guid? IncidentId { get; } = incidentId;

    public JsonObject ToJson() => new()
    {
        ["entity"] = Entity,
        ["id"] = Id,
        ["change"] = Change,
        ["values"] = Values.DeepClone(),
    };
}
