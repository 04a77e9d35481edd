using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Domain.Charters;

/// <summary>
/// The charter every organisation of a kind starts with (DOMAIN "Charter" tables). Administrators may
/// change these defaults and override them per organisation; this is only the starting point.
/// </summary>
public static class DefaultCharter
{
    private const Phases R = Phases.Response;
    private const Phases V = Phases.Recovery;
    private const Phases WRV = Phases.All;
    private const Phases RV = R | V;
    private const Phases None = Phases.None;

    // Columns: Government, CivicGroup, Enterprise, Citizen.
    private static readonly Dictionary<Right, Phases[]> Rights = new()
    {
        [Right.ReportIncident] = [WRV, WRV, WRV, WRV],
        [Right.ShareInformation] = [WRV, WRV, WRV, WRV],
        [Right.SubmitSitRep] = [WRV, WRV, WRV, WRV],
        [Right.VerifyIncident] = [WRV, None, None, None],
        [Right.SetSeverity] = [WRV, None, None, None],
        [Right.TransitionPhase] = [WRV, None, None, None],
        [Right.PublishAlert] = [WRV, None, None, None],
        [Right.LeadIncident] = [WRV, None, None, None],
        [Right.AssignTasks] = [WRV, V, None, None],
        [Right.ClaimTasks] = [WRV, WRV, RV, RV],
        [Right.RegisterResources] = [WRV, WRV, WRV, RV],
        [Right.CommitResources] = [WRV, WRV, WRV, RV],
        [Right.RequestResources] = [WRV, RV, None, None],
        // Rebuilding is anyone's work the coordinators hand it to: a firm, a civic or citizens' group as much as a bureau.
        [Right.OwnRecoveryProjects] = [V, V, V, V],
    };

    private static readonly Dictionary<Obligation, Phases[]> Obligations = new()
    {
        [Obligation.AcknowledgeTask] = [WRV, WRV, WRV, WRV],
        [Obligation.SubmitSitRep] = [R, R, R, R],
        [Obligation.AnswerResourceRequest] = [WRV, WRV, WRV, WRV],
        [Obligation.ConfirmInventory] = [R, R, R, R],
        // Only a government body can lead, and objectives are the lead's to set.
        [Obligation.SetObjectives] = [WRV, None, None, None],
    };

    public static Phases For(OrganisationKind kind, Right right) => Rights[right][(int)kind];

    public static Phases For(OrganisationKind kind, Obligation obligation) => Obligations[obligation][(int)kind];
}
