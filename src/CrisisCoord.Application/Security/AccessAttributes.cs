namespace CrisisCoord.Application.Security;

/// <summary>
/// The act a message performs. Every command and query carries one; what it acts on, and who may, is in
/// <see cref="AccessRules.Table"/>. A message without it is refused (and fails a unit test).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PerformsAttribute(Act act) : Attribute
{
    public Act Act { get; } = act;
}

/// <summary>A message about one incident.</summary>
public interface IIncidentMessage
{
    Guid IncidentId { get; }
}

/// <summary>A message about one task.</summary>
public interface ITaskMessage
{
    Guid TaskId { get; }
}

/// <summary>A message about one objective.</summary>
public interface IObjectiveMessage
{
    Guid ObjectiveId { get; }
}

/// <summary>A message about one resource request.</summary>
public interface IResourceRequestMessage
{
    Guid RequestId { get; }
}

/// <summary>A message about one resource offer.</summary>
public interface IResourceOfferMessage
{
    Guid OfferId { get; }
}

/// <summary>A message about one resource commitment.</summary>
public interface IResourceCommitmentMessage
{
    Guid CommitmentId { get; }
}

/// <summary>A message about one organisation's record.</summary>
public interface IOrganisationMessage
{
    Guid OrganisationId { get; }
}

/// <summary>A message about one registered resource.</summary>
public interface IResourceMessage
{
    Guid ResourceId { get; }
}

/// <summary>A message about one public warning.</summary>
public interface IWarningMessage
{
    Guid WarningId { get; }
}

/// <summary>A message about one photo of a report.</summary>
public interface IPhotoMessage
{
    Guid PhotoId { get; }
}

/// <summary>A message about one recovery project.</summary>
public interface IRecoveryProjectMessage
{
    Guid ProjectId { get; }
}

/// <summary>A message about one shelter.</summary>
public interface IShelterMessage
{
    Guid ShelterId { get; }
}

/// <summary>A message about one safety check-in.</summary>
public interface ICheckInMessage
{
    Guid CheckInId { get; }
}
