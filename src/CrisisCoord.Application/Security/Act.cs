namespace CrisisCoord.Application.Security;

/// <summary>What a message acts on. The pipeline loads it, with the facts the rules need, before asking the policy.</summary>
public enum SubjectKind
{
    /// <summary>Nothing: anyone, signed in or not (sign-in, self-registration).</summary>
    Public,

    /// <summary>The signed-in person themself, or their own organisation's work.</summary>
    Self,

    /// <summary>The shared directories and platform settings: incident list, organisations, catalogue, charters, the record.</summary>
    Registry,
    Organisation,
    Resource,
    Incident,
    Objective,
    Task,
    Request,
    Offer,
    Commitment,

    /// <summary>A public warning about an incident (CAP).</summary>
    Warning,

    /// <summary>A photo attached to a report of an incident.</summary>
    Photo,

    /// <summary>A person's safety check-in during an incident.</summary>
    CheckIn,

    /// <summary>A recovery project on an incident, owned by one organisation.</summary>
    RecoveryProject,

    /// <summary>A shelter for people displaced by an incident, run by one organisation.</summary>
    Shelter,
}

/// <summary>
/// Everything a person can do. Each message performs one act; <see cref="AccessRules"/> says, for each act,
/// what it acts on, which roles and charter right it needs and whose it must be.
/// </summary>
public enum Act
{
    // Anyone
    SignIn,
    RegisterAsCitizen,
    ListCitizenGroups,
    ConfirmEmail,
    RequestPasswordReset,
    ResetPassword,

    // The person themself
    ChangeOwnPassword,
    EndOwnSessions,
    ManageOwnTwoFactor,
    ManageOwnAccessTokens,
    ViewOwnNotifications,
    ManageOwnNotifications,
    ManageOwnPreferences,
    ViewOwnWork,
    ViewOwnReports,
    RegisterOwnResources,

    // The registry
    ViewDirectory,
    LogIncident,
    ViewOpenRequests,
    RegisterOrganisation,
    DefineResourceType,
    ChangeCharter,
    ViewCharterChanges,
    ReadTimeline,
    AuditChains,
    SignCheckpoints,

    // An organisation's record
    ViewOrganisation,
    ViewPeople,
    EditOrganisation,
    AddPerson,
    ManageAccounts,
    ViewObligations,
    AskToJoinGroup,
    DecideMembership,

    // A resource
    ViewResource,
    EditResource,

    // An incident
    ViewIncident,
    ViewIncidentDetail,
    TransitionIncident,
    SetSeverity,
    SetLead,
    SetObjective,
    AdmitParticipant,
    AskToJoin,
    SubmitSituationReport,
    PostLogEntry,
    CreateTask,
    RaiseRequest,
    OfferResources,
    EditIncident,
    MergeIncident,
    LinkIncidents,

    // An incident's after-action review
    ViewReview,
    AddReviewLesson,
    CommentOnReview,
    SignReview,

    // A report's photo
    ViewReportPhoto,

    // An objective
    ViewObjective,
    RecordProgress,
    WaiveObjective,

    // A task
    ViewTask,
    AssignTask,
    CancelTask,
    ClaimTask,
    AcceptTask,
    DeclineTask,
    StartTask,
    CompleteTask,

    // A resource request
    ViewRequest,
    MatchResources,
    AskOrganisation,
    CloseRequest,
    AnswerRequest,

    // An offer
    CommitOffer,

    // A commitment
    ReportCommitment,
    ReleaseCommitment,

    // Public warnings (CAP)
    ReadPublicWarnings,
    DraftWarning,
    ViewWarning,
    EditWarning,
    PublishWarning,
    CancelWarning,

    // Safety check-ins
    ViewOwnCheckIns,
    PostCheckIn,
    ViewCheckIns,
    ViewCheckIn,
    UpdateCheckIn,
    TurnCheckInIntoTask,

    // Recovery: damage and needs assessments
    ViewAssessments,
    RecordAssessment,
    TurnNeedIntoRequest,
    TurnAssessmentIntoTask,

    // Recovery: projects, shelters and relief distributions
    ViewRecoveryProjects,
    ViewRecoveryProject,
    StartRecoveryProject,
    EditRecoveryProject,
    MarkMilestone,
    ViewShelters,
    OpenShelter,
    UpdateShelterOccupancy,
    DistributeRelief,
}
