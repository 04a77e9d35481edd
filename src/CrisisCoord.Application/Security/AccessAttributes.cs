using CrisisCoord.Domain.Charters;

namespace CrisisCoord.Application.Security;

/// <summary>Only people holding one of these roles may send the message.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>
/// The sender's organisation must hold this charter right: in the incident's current phase when the
/// message concerns an incident (<see cref="IIncidentMessage"/>), otherwise in at least one phase.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRightAttribute(Right right) : Attribute
{
    public Right Right { get; } = right;
}

/// <summary>Any signed-in person may send the message, whatever their role (e.g. changing their own password).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnySignedInPersonAttribute : Attribute;

/// <summary>Anyone, signed in or not, may send the message (sign-in, self-registration).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousAccessAttribute : Attribute;

/// <summary>A message about one incident; its phase decides which charter rights apply.</summary>
public interface IIncidentMessage
{
    Guid IncidentId { get; }
}

/// <summary>A message about one task; the phase of the task's incident decides which charter rights apply.</summary>
public interface ITaskMessage
{
    Guid Id { get; }
}

/// <summary>
/// A read of an incident's non-public detail: only organisations taking part (or that reported it),
/// coordinators, auditors and administrators may send it (<see cref="IncidentAccess"/>).
/// </summary>
public interface IIncidentDetailMessage
{
    Guid IncidentId { get; }
}

/// <summary>A message about one resource request; the phase of its incident decides which charter rights apply.</summary>
public interface IResourceRequestMessage
{
    Guid RequestId { get; }
}

/// <summary>A message about one resource offer; the phase of its incident decides which charter rights apply.</summary>
public interface IResourceOfferMessage
{
    Guid OfferId { get; }
}

/// <summary>A message about one resource commitment; the phase of its incident decides which charter rights apply.</summary>
public interface IResourceCommitmentMessage
{
    Guid CommitmentId { get; }
}
