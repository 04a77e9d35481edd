namespace CrisisCoord.Domain.Charters;

/// <summary>What an organisation may do in a crisis, per phase, as its charter declares.</summary>
public enum Right
{
    ReportIncident,
    VerifyIncident,
    LeadIncident,
    SetSeverity,
    TransitionPhase,
    PublishAlert,
    AssignTasks,
    ClaimTasks,
    RegisterResources,
    RequestResources,
    CommitResources,
    SubmitSitRep,
    ShareInformation,

    /// <summary>Own recovery projects on an incident: mark their milestones done.</summary>
    OwnRecoveryProjects,
}

/// <summary>What an organisation must do, per phase, within a time bound.</summary>
public enum Obligation
{
    AcknowledgeTask,
    SubmitSitRep,
    AnswerResourceRequest,
    ConfirmInventory,
    SetObjectives,
}
