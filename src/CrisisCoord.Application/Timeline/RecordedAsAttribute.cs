namespace CrisisCoord.Application.Timeline;

/// <summary>
/// The entity a command changes, which its timeline event names (the event's entity id is that
/// entity's key). Every command carries one; a unit test checks it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RecordedAsAttribute(Type entity) : Attribute
{
    public Type Entity { get; } = entity;
}
