using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Reports;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Warnings;
using static CrisisCoord.Application.Security.Roles;

namespace CrisisCoord.Application.Security;

/// <summary>Whose the subject must be, beyond role and charter right.</summary>
public enum Scope
{
    /// <summary>No further condition.</summary>
    Anyone,

    /// <summary>The reader's own organisation's record.</summary>
    Own,

    /// <summary>The reader's own organisation's, or any organisation's for coordinators, auditors and administrators.</summary>
    OwnOrOversight,

    /// <summary>The reader's own organisation's, or any organisation's for platform administrators.</summary>
    OwnOrAdministrator,

    /// <summary>The reader acts for no organisation yet (a private citizen).</summary>
    PrivateCitizen,

    /// <summary>The incident's non-public detail: it takes part, reported it, coordinates it, or oversees.</summary>
    SeesDetail,

    /// <summary>It coordinates the incident: lead, government at or above the grade's level, or a non-government participant.</summary>
    Coordinates,

    /// <summary>A government body at or above the level the reported grade requires (verifying a report).</summary>
    Verifies,

    /// <summary>It takes part in the incident, or coordinates it.</summary>
    TakesPart,

    /// <summary>It takes part in the incident.</summary>
    Participant,

    /// <summary>Its after-action review: <see cref="SeesDetail"/> once the incident is over; before that, its coordinators and overseers only.</summary>
    ReadsReview,

    /// <summary>It is the incident's lead organisation.</summary>
    Leads,

    /// <summary>It does not take part yet.</summary>
    Outsider,

    /// <summary>The task is assigned to the reader's organisation.</summary>
    AssignedToMine,

    /// <summary>It was asked to answer the request, or takes part and holds the type asked for.</summary>
    MayAnswer,

    /// <summary>It holds the committed resources, or coordinates the incident.</summary>
    HolderOrCoordinates,

    /// <summary>It coordinates the incident, or drafted the warning where the drafter may publish alone (<see cref="WarningApproval"/>).</summary>
    ApprovesWarning,

    /// <summary>The check-in is the reader's own: they posted it themself.</summary>
    Person,

    /// <summary>A draft: it takes part in the incident; a warning already out: <see cref="ApprovesWarning"/>, since an edit issues an Update.</summary>
    EditsWarning,

    /// <summary>Its organisation owns the project or runs the shelter, or it coordinates the incident.</summary>
    OwnsOrCoordinates,
}

/// <summary>One row of the rules table.</summary>
/// <param name="On">What the act acts on.</param>
/// <param name="Roles">Any one of these roles; empty: any signed-in person.</param>
/// <param name="Right">The organisation's charter right, in the incident's phase (any phase when there is no incident).</param>
/// <param name="Scope">Whose the subject must be.</param>
/// <param name="ChangesRecord">It changes the crisis record: auditors never may, and not on a closed incident.</param>
public sealed record Rule(SubjectKind On, IReadOnlyList<string> Roles, Right? Right, Scope Scope, bool ChangesRecord)
{
    /// <summary>On an unverified report, the act is a verification and follows this rule instead.</summary>
    public Rule? WhenUnverified { get; init; }

    /// <summary>The task move the act makes, which the task's state must allow.</summary>
    public TaskMove? Move { get; init; }

    /// <summary>Only with a password sign-in (cookie or session token): a personal access token may not mint more of itself (ADR 0025).</summary>
    public bool RefusesAccessTokens { get; init; }
}

public enum Refusal
{
    None,
    NotSignedIn,

    /// <summary>The reader may not know the subject exists: 404.</summary>
    Hidden,

    /// <summary>The reader knows the subject but may not do this: 403 with the reason.</summary>
    Forbidden,

    /// <summary>The reader may, but not in the subject's current state: 409 with the reason.</summary>
    Conflict,
}

public readonly record struct Decision(Refusal Refusal, Phrase? Reason)
{
    public static readonly Decision Allow = new(Refusal.None, null);

    public bool Allowed => Refusal == Refusal.None;

    public static Decision Forbid(Phrase reason) => new(Refusal.Forbidden, reason);

    public static Decision Conflict(Phrase reason) => new(Refusal.Conflict, reason);
}

/// <summary>
/// Who may do what: the one table of rules (mirrored in docs/authorization.md) and the one function that
/// applies it to a reader and a subject. Fail-closed: an act with no row is refused.
/// </summary>
public sealed class AccessRules(GradedResponse graded, WarningApproval? approval = null)
{
    private readonly WarningApproval _approval = approval ?? WarningApproval.CoordinatorsOnly;

    private static readonly string[] AnySignedIn = [];
    private static readonly string[] Coordinators = [Coordinator];
    private static readonly string[] Workers = [Coordinator, AgencyStaff, ResourceManager, Citizen];
    private static readonly string[] Reporters = [Coordinator, AgencyStaff, Citizen];
    private static readonly string[] Administrators = [Administrator];
    private static readonly string[] Overseers = [Auditor, Administrator];
    private static readonly string[] Drafters = [Coordinator, AgencyStaff];

    public static readonly IReadOnlyDictionary<Act, Rule> Table = new Dictionary<Act, Rule>
    {
        [Act.SignIn] = Read(SubjectKind.Public),
        [Act.RegisterAsCitizen] = Read(SubjectKind.Public),
        [Act.ListCitizenGroups] = Read(SubjectKind.Public),
        [Act.ConfirmEmail] = Read(SubjectKind.Public),
        [Act.RequestPasswordReset] = Read(SubjectKind.Public),
        [Act.ResetPassword] = Read(SubjectKind.Public),

        [Act.ChangeOwnPassword] = new(SubjectKind.Self, AnySignedIn, null, Scope.Anyone, ChangesRecord: false) { RefusesAccessTokens = true },
        [Act.EndOwnSessions] = new(SubjectKind.Self, AnySignedIn, null, Scope.Anyone, ChangesRecord: false) { RefusesAccessTokens = true },
        [Act.ManageOwnTwoFactor] = new(SubjectKind.Self, AnySignedIn, null, Scope.Anyone, ChangesRecord: false) { RefusesAccessTokens = true },
        [Act.ManageOwnAccessTokens] = new(SubjectKind.Self, AnySignedIn, null, Scope.Anyone, ChangesRecord: false) { RefusesAccessTokens = true },
        [Act.ViewOwnWork] = Read(SubjectKind.Self),
        [Act.ViewOwnReports] = Read(SubjectKind.Self),
        [Act.ViewOwnNotifications] = Read(SubjectKind.Self),
        [Act.ManageOwnNotifications] = new(SubjectKind.Self, AnySignedIn, null, Scope.Anyone, ChangesRecord: false),
        [Act.ManageOwnPreferences] = new(SubjectKind.Self, AnySignedIn, null, Scope.Anyone, ChangesRecord: false),
        [Act.RegisterOwnResources] = Change(SubjectKind.Self, [ResourceManager], Right.RegisterResources, Scope.Own),

        [Act.ViewDirectory] = Read(SubjectKind.Registry),
        [Act.LogIncident] = Change(SubjectKind.Registry, Reporters, Right.ReportIncident),
        [Act.ViewOpenRequests] = Read(SubjectKind.Registry, [Coordinator, Auditor, Administrator]),
        [Act.RegisterOrganisation] = Change(SubjectKind.Registry, Administrators),
        [Act.DefineResourceType] = Change(SubjectKind.Registry, Administrators),
        [Act.ChangeCharter] = Change(SubjectKind.Registry, Administrators),
        [Act.ViewCharterChanges] = Read(SubjectKind.Registry, Overseers),
        [Act.ReadTimeline] = Read(SubjectKind.Registry),
        [Act.AuditChains] = Read(SubjectKind.Registry, Overseers),
        [Act.SignCheckpoints] = new(SubjectKind.Registry, Overseers, null, Scope.Anyone, ChangesRecord: false),

        [Act.ViewOrganisation] = Read(SubjectKind.Organisation),
        [Act.ViewPeople] = Read(SubjectKind.Organisation, [Coordinator, Administrator], Scope.OwnOrAdministrator),
        [Act.EditOrganisation] = Change(SubjectKind.Organisation, Administrators),
        [Act.AddPerson] = Change(SubjectKind.Registry, Administrators),
        [Act.ManageAccounts] = Change(SubjectKind.Registry, Administrators),
        [Act.ViewObligations] = Read(SubjectKind.Organisation, AnySignedIn, Scope.OwnOrOversight),
        [Act.AskToJoinGroup] = Change(SubjectKind.Organisation, [Citizen], null, Scope.PrivateCitizen),
        [Act.DecideMembership] = Change(SubjectKind.Organisation, [Coordinator, Administrator], null, Scope.OwnOrAdministrator),

        [Act.ViewResource] = Read(SubjectKind.Resource),
        [Act.EditResource] = Change(SubjectKind.Resource, [ResourceManager], Right.RegisterResources, Scope.Own),

        [Act.ViewIncident] = Read(SubjectKind.Incident),
        [Act.ViewIncidentDetail] = Read(SubjectKind.Incident, AnySignedIn, Scope.SeesDetail),
        [Act.TransitionIncident] = Change(SubjectKind.Incident, Coordinators, Right.TransitionPhase, Scope.Coordinates) with
        {
            WhenUnverified = Change(SubjectKind.Incident, Coordinators, Right.VerifyIncident, Scope.Verifies),
        },
        [Act.SetSeverity] = Change(SubjectKind.Incident, Coordinators, Right.SetSeverity, Scope.Coordinates),
        [Act.SetLead] = Change(SubjectKind.Incident, Coordinators, Right.LeadIncident, Scope.Coordinates),
        [Act.SetObjective] = Change(SubjectKind.Incident, Coordinators, Right.AssignTasks, Scope.Coordinates),
        [Act.AdmitParticipant] = Change(SubjectKind.Incident, Coordinators, Right.AssignTasks, Scope.Coordinates),
        [Act.AskToJoin] = Change(SubjectKind.Incident, Workers, null, Scope.Outsider),
        [Act.SubmitSituationReport] = Change(SubjectKind.Incident, Workers, Right.SubmitSitRep, Scope.Participant),
        [Act.PostLogEntry] = Change(SubjectKind.Incident, Workers, Right.ShareInformation, Scope.TakesPart),
        [Act.CreateTask] = Change(SubjectKind.Incident, Coordinators, Right.AssignTasks, Scope.Coordinates),
        [Act.RaiseRequest] = Change(SubjectKind.Incident, Coordinators, Right.RequestResources, Scope.Coordinates),
        [Act.OfferResources] = Change(SubjectKind.Incident, Workers, Right.CommitResources, Scope.TakesPart),
        [Act.EditIncident] = Change(SubjectKind.Incident, Coordinators, Right.ShareInformation, Scope.Coordinates),
        // Closing a duplicate is a transition: a report is merged by those who could verify or dismiss it. The incident
        // it goes into is decided the same way (MergeIncidentCommandHandler), so both must be the merger's to coordinate.
        [Act.MergeIncident] = Change(SubjectKind.Incident, Coordinators, Right.TransitionPhase, Scope.Coordinates) with
        {
            WhenUnverified = Change(SubjectKind.Incident, Coordinators, Right.VerifyIncident, Scope.Verifies),
        },
        [Act.LinkIncidents] = Change(SubjectKind.Incident, Coordinators, Right.ShareInformation, Scope.Coordinates),

        // The review is written after the incident closes, so its rows do not change the crisis record (ADR 0032).
        [Act.ViewReview] = Read(SubjectKind.Incident, AnySignedIn, Scope.ReadsReview),
        [Act.AddReviewLesson] = new(SubjectKind.Incident, Coordinators, null, Scope.Coordinates, ChangesRecord: false),
        [Act.CommentOnReview] = new(SubjectKind.Incident, [Auditor], null, Scope.Anyone, ChangesRecord: false),
        [Act.SignReview] = new(SubjectKind.Incident, Coordinators, null, Scope.Leads, ChangesRecord: false),

        [Act.ViewReportPhoto] = Read(SubjectKind.Photo),

        [Act.ViewObjective] = Read(SubjectKind.Objective),
        [Act.RecordProgress] = Change(SubjectKind.Objective, Workers, Right.SubmitSitRep, Scope.TakesPart),
        [Act.WaiveObjective] = Change(SubjectKind.Objective, Coordinators, Right.AssignTasks, Scope.Coordinates),

        [Act.ViewTask] = Read(SubjectKind.Task),
        [Act.AssignTask] = Change(SubjectKind.Task, Coordinators, Right.AssignTasks, Scope.Coordinates) with { Move = TaskMove.Assign },
        [Act.CancelTask] = Change(SubjectKind.Task, Coordinators, Right.AssignTasks, Scope.Coordinates) with { Move = TaskMove.Cancel },
        [Act.ClaimTask] = Change(SubjectKind.Task, Workers, Right.ClaimTasks, Scope.Participant) with { Move = TaskMove.Claim },
        [Act.AcceptTask] = Change(SubjectKind.Task, Workers, null, Scope.AssignedToMine) with { Move = TaskMove.Accept },
        [Act.DeclineTask] = Change(SubjectKind.Task, Workers, null, Scope.AssignedToMine) with { Move = TaskMove.Decline },
        [Act.StartTask] = Change(SubjectKind.Task, Workers, null, Scope.AssignedToMine) with { Move = TaskMove.Start },
        [Act.CompleteTask] = Change(SubjectKind.Task, Workers, null, Scope.AssignedToMine) with { Move = TaskMove.Complete },

        [Act.ViewRequest] = Read(SubjectKind.Request),
        [Act.MatchResources] = Read(SubjectKind.Request, Coordinators, Scope.Coordinates),
        [Act.AskOrganisation] = Change(SubjectKind.Request, Coordinators, Right.RequestResources, Scope.Coordinates),
        [Act.CloseRequest] = Change(SubjectKind.Request, Coordinators, Right.RequestResources, Scope.Coordinates),
        [Act.AnswerRequest] = Change(SubjectKind.Request, Workers, Right.CommitResources, Scope.MayAnswer),

        [Act.CommitOffer] = Change(SubjectKind.Offer, Coordinators, Right.RequestResources, Scope.Coordinates),

        [Act.ReportCommitment] = Change(SubjectKind.Commitment, Workers, Right.CommitResources, Scope.HolderOrCoordinates),
        [Act.ReleaseCommitment] = Change(SubjectKind.Commitment, Coordinators, Right.RequestResources, Scope.Coordinates),

        // Current public, real warnings are for everyone, signed in or not; the queries return nothing else.
        [Act.ReadPublicWarnings] = Read(SubjectKind.Public),
        [Act.DraftWarning] = Change(SubjectKind.Incident, Drafters, Right.PublishAlert, Scope.TakesPart),
        [Act.ViewWarning] = Read(SubjectKind.Warning),
        [Act.EditWarning] = Change(SubjectKind.Warning, Drafters, Right.PublishAlert, Scope.EditsWarning),
        [Act.PublishWarning] = Change(SubjectKind.Warning, Drafters, Right.PublishAlert, Scope.ApprovesWarning),
        [Act.CancelWarning] = Change(SubjectKind.Warning, Drafters, Right.PublishAlert, Scope.ApprovesWarning),

        // Check-ins say where a person is: only they and the incident's coordinators know of one (Known), nobody else.
        [Act.ViewOwnCheckIns] = Read(SubjectKind.Self),
        [Act.PostCheckIn] = Change(SubjectKind.Incident, AnySignedIn),
        [Act.ViewCheckIns] = Read(SubjectKind.Incident, Coordinators, Scope.Coordinates),
        [Act.ViewCheckIn] = Read(SubjectKind.CheckIn),
        [Act.UpdateCheckIn] = Change(SubjectKind.CheckIn, AnySignedIn, null, Scope.Person),
        [Act.TurnCheckInIntoTask] = Change(SubjectKind.CheckIn, Coordinators, Right.AssignTasks, Scope.Coordinates),

        // Assessments are field reports: whoever takes part counts damage; coordinators turn needs into requests and tasks.
        [Act.ViewAssessments] = Read(SubjectKind.Incident, AnySignedIn, Scope.SeesDetail),
        [Act.RecordAssessment] = Change(SubjectKind.Incident, Workers, Right.SubmitSitRep, Scope.TakesPart),
        [Act.TurnNeedIntoRequest] = Change(SubjectKind.Incident, Coordinators, Right.RequestResources, Scope.Coordinates),
        [Act.TurnAssessmentIntoTask] = Change(SubjectKind.Incident, Coordinators, Right.AssignTasks, Scope.Coordinates),

        // Recovery projects are handed out like tasks, by coordinators; the owner keeps them up to date (ADR 0035).
        [Act.ViewRecoveryProjects] = Read(SubjectKind.Incident, AnySignedIn, Scope.SeesDetail),
        [Act.ViewRecoveryProject] = Read(SubjectKind.RecoveryProject),
        [Act.StartRecoveryProject] = Change(SubjectKind.Incident, Coordinators, Right.AssignTasks, Scope.Coordinates),
        [Act.EditRecoveryProject] = Change(SubjectKind.RecoveryProject, Workers, null, Scope.OwnsOrCoordinates),
        [Act.MarkMilestone] = Change(SubjectKind.RecoveryProject, Workers, Right.OwnRecoveryProjects, Scope.Own),

        // Sheltering people and handing out relief is committing what an organisation has: its own beds, its own stock.
        [Act.ViewShelters] = Read(SubjectKind.Incident, AnySignedIn, Scope.SeesDetail),
        [Act.OpenShelter] = Change(SubjectKind.Incident, Workers, Right.CommitResources, Scope.TakesPart),
        [Act.UpdateShelterOccupancy] = Change(SubjectKind.Shelter, Workers, null, Scope.OwnsOrCoordinates),
        [Act.DistributeRelief] = Change(SubjectKind.Incident, Workers, Right.CommitResources, Scope.TakesPart),
    };

    public static Rule RuleFor(Act act) =>
        Table.TryGetValue(act, out var rule) ? rule : throw new InvalidOperationException($"No rule says who may {act}.");

    /// <summary>Whether someone with these roles could ever perform the act: form pages turn away at once those who never could.</summary>
    public static bool RoleMayEver(Act act, Func<string, bool> isInRole) =>
        Table.TryGetValue(act, out var rule)
        && (rule.On == SubjectKind.Public || rule.Roles.Count == 0 || rule.Roles.Any(isInRole))
        && !(rule.ChangesRecord && isInRole(Auditor));

    /// <summary>Whether this reader may do this to this subject now, and if not, why and how to answer.</summary>
    public Decision Decide(Act act, Subject subject, Reader reader)
    {
        if (!Table.TryGetValue(act, out var rule))
        {
            return Decision.Forbid(NoRule);
        }

        if (rule.On == SubjectKind.Public)
        {
            return Decision.Allow;
        }

        if (!reader.SignedIn)
        {
            return new Decision(Refusal.NotSignedIn, new Phrase("Denied.SignInFirst", "Sign in first."));
        }

        if (subject.Kind != rule.On)
        {
            throw new InvalidOperationException($"{act} acts on {rule.On}, not on {subject.Kind}.");
        }

        var incident = subject.Incident;
        if (!Known(subject, reader))
        {
            return new Decision(Refusal.Hidden, null);
        }

        if (incident is { State: IncidentState.Reported } && rule.WhenUnverified is { } verification)
        {
            rule = verification;
        }

        if (rule.Roles.Count > 0 && !rule.Roles.Any(reader.IsInRole))
        {
            return Decision.Forbid(new("Denied.NeedsRole", "This needs the role {0}.", new Either([.. rule.Roles.Select(RoleName)], Commas: true)));
        }

        if (rule.ChangesRecord && reader.IsInRole(Auditor))
        {
            return Decision.Forbid(new("Denied.AuditorsRead", "Auditors read the record; they do not change it."));
        }

        if (rule.ChangesRecord && incident?.State.WhyNotOpen() is { } closed)
        {
            // Nobody's rights apply on a closed incident, and saying so is more useful than "forbidden".
            return Decision.Conflict(closed);
        }

        if (rule.Right is { } right && (reader.Holds(right) & (incident?.State.Phase() ?? Phases.All)) == Phases.None)
        {
            return Decision.Forbid(reader.OrganisationId is null
                ? NoOrganisation
                : incident is null
                    ? new("Denied.CharterLacks", "Your organisation's charter does not grant {0}.", new Term(right))
                    : new("Denied.CharterLacksInPhase", "Your organisation's charter does not grant {0} in this incident's current phase ({1}).", new Term(right), new Term(incident.State.Phase())));
        }

        if (WhyOutOfScope(rule.Scope, subject, reader) is { } outOfScope)
        {
            return Decision.Forbid(outOfScope);
        }

        return WhyNotNow(act, rule, subject, reader) is { } notNow ? Decision.Conflict(notNow) : Decision.Allow;
    }

    /// <summary>What this reader may do to this subject now, and why not the rest: what pages draw their buttons from.</summary>
    public Capabilities CapabilitiesOf(Subject subject, Reader reader)
    {
        var allowed = new List<Act>();
        var refused = new Dictionary<Act, string>();
        foreach (var (act, rule) in Table)
        {
            if (rule.On != subject.Kind)
            {
                continue;
            }

            var decision = Decide(act, subject, reader);
            if (decision.Allowed)
            {
                allowed.Add(act);
            }
            else
            {
                refused[act] = decision.Reason?.Say() ?? Texts.Get("Denied.NotFound");
            }
        }

        return new Capabilities(allowed, refused);
    }

    /// <summary>
    /// Who sees an incident's non-public detail (description, tasks, objectives, reports, requests, timeline):
    /// auditors and administrators; organisations that take part in it or reported it; the person who
    /// reported it; and coordinators of the organisations that may coordinate it.
    /// </summary>
    public bool SeesDetail(Reader reader, IncidentFacts incident) =>
        reader.Oversees
        || (reader.OrganisationId is { } organisation
            && (incident.Participants.Contains(organisation) || incident.ReportedByOrganisationId == organisation))
        || (reader.UserId is { } user && (incident.ReportedByUserId == user || incident.Reporters.Contains(user)))
        || Coordinates(reader, incident);

    /// <summary>
    /// <see cref="SeesDetail"/> as a query, for reads too long to decide row by row (the timeline). Each clause
    /// is one clause of <see cref="SeesDetail"/>; a test holds the two to the same answers.
    /// </summary>
    public IQueryable<Guid> IncidentsWithDetailShown(
        IQueryable<Incident> incidents, IQueryable<IncidentParticipant> participants, IQueryable<IncidentReport> reports, Reader reader) =>
        WithDetailShown(incidents, participants, reports, reader).Select(i => i.Id);

    /// <summary>The same, keeping the incidents themselves: for reads that go on to filter or project them.</summary>
    public IQueryable<Incident> WithDetailShown(
        IQueryable<Incident> incidents, IQueryable<IncidentParticipant> participants, IQueryable<IncidentReport> reports, Reader reader)
    {
        if (reader.Oversees)
        {
            return incidents;
        }

        var organisation = reader.OrganisationId ?? Guid.Empty;
        var user = reader.UserId ?? Guid.Empty;
        var coordinator = reader.IsInRole(Coordinator) && reader.OrganisationId is not null;
        var gradesCoordinated = coordinator && reader.Kind == OrganisationKind.Government
            ? Enum.GetValues<Severity>().Where(s => reader.Level >= graded.MinimumLeadLevel(s)).ToList()
            : [];
        // The organisation's incidents as a set (IN, read once), not a probe per incident (EXISTS): thousands of rows.
        var takingPart = participants.Where(p => p.OrganisationId == organisation && p.Status == ParticipationStatus.Admitted).Select(p => p.IncidentId);
        return incidents
            .Where(i => takingPart.Contains(i.Id)
                || i.ReportedByOrganisationId == organisation
                || i.ReportedByUserId == user
                || reports.Any(r => r.IncidentId == i.Id && r.ReporterUserId == user)
                || (coordinator && i.LeadOrganisationId == organisation)
                || gradesCoordinated.Contains(i.Severity));
    }

    /// <summary>
    /// The incidents a reader finds in lists, counts and on maps: those <see cref="Act.ViewIncident"/> lets them see,
    /// as a query over many rows. It reads that act's row of the table, so a narrower row narrows every list with it;
    /// a row it has no query form for shows nothing (fail-closed). A test holds it to <see cref="Decide"/>.
    /// </summary>
    public IQueryable<Incident> IncidentsShown(
        IQueryable<Incident> incidents, IQueryable<IncidentParticipant> participants, IQueryable<IncidentReport> reports, Reader reader)
    {
        return ShownScope(reader) switch
        {
            Scope.Anyone => incidents,
            Scope.SeesDetail => WithDetailShown(incidents, participants, reports, reader),
            _ => incidents.Where(_ => false),
        };
    }

    /// <summary>
    /// Whether <see cref="IncidentsShown"/> leaves every incident in for this reader: all such readers find the same
    /// lists and counts, which may then be computed once for them all.
    /// </summary>
    public bool ShowsEveryIncident(Reader reader) => ShownScope(reader) == Scope.Anyone;

    /// <summary>The scope of <see cref="Act.ViewIncident"/>'s row for this reader; null where the row shows them nothing.</summary>
    private Scope? ShownScope(Reader reader)
    {
        var rule = Table[Act.ViewIncident];
        return !reader.SignedIn || (rule.Roles.Count > 0 && !rule.Roles.Any(reader.IsInRole)) || rule.Right is not null || rule.ChangesRecord
            ? null
            : rule.Scope;
    }

    /// <summary>
    /// Graded response: coordinators of the lead organisation and of government bodies at or above the level the
    /// grade requires; coordinators of other kinds only where their organisation takes part.
    /// </summary>
    public bool Coordinates(Reader reader, IncidentFacts incident) =>
        reader.IsInRole(Coordinator)
        && reader.OrganisationId is { } organisation
        && (incident.LeadOrganisationId == organisation
            || (reader.Kind == OrganisationKind.Government && reader.Level >= graded.MinimumLeadLevel(incident.Severity))
            || (reader.Kind != OrganisationKind.Government && incident.Participants.Contains(organisation)));

    /// <summary>Coordinators, auditors and administrators watch every organisation's obligations; others their own.</summary>
    public static bool OverseesObligations(Reader reader) => reader.IsInRole(Coordinator) || reader.Oversees;

    /// <summary>Whether the reader may know the subject exists. Incidents, organisations and resources are public; what belongs to an incident's detail is not.</summary>
    private bool Known(Subject subject, Reader reader) => subject.Kind switch
    {
        SubjectKind.Task or SubjectKind.Objective or SubjectKind.Photo => SeesDetail(reader, subject.Incident!),
        // An organisation asked for resources, but taking no part, still knows its own offers and commitments.
        SubjectKind.Offer or SubjectKind.Commitment => SeesDetail(reader, subject.Incident!) || (reader.OrganisationId is { } organisation && subject.Owner == organisation),
        SubjectKind.Request => SeesDetail(reader, subject.Incident!) || subject.Request!.ReaderAsked,
        SubjectKind.Warning => SeesWarning(reader, subject.Incident!, subject.Warning!),
        SubjectKind.CheckIn => reader.UserId == subject.CheckIn!.PersonId || Coordinates(reader, subject.Incident!),
        SubjectKind.RecoveryProject or SubjectKind.Shelter => SeesDetail(reader, subject.Incident!),
        _ => true,
    };

    /// <summary>
    /// Who reads a warning: those who see the incident's detail, always (drafts too); once issued, everyone
    /// signed in if it is Public, and the organisations it names if it is Restricted.
    /// </summary>
    public bool SeesWarning(Reader reader, IncidentFacts incident, WarningFacts warning) =>
        SeesDetail(reader, incident)
        || (warning.State != WarningState.Draft
            && (warning.Scope == WarningScope.Public || (reader.OrganisationId is { } organisation && warning.Recipients.Contains(organisation))));

    /// <summary>Coordinators of the incident approve; the drafter alone only where <see cref="WarningApproval"/> allows it.</summary>
    private bool ApprovesWarning(Reader reader, Subject subject) =>
        Coordinates(reader, subject.Incident!)
        || (reader.UserId is { } user && user == subject.Warning!.DraftedByUserId
            && _approval.DrafterMayPublishAlone(subject.Incident!.Severity, subject.Incident.State));

    private Phrase? WhyOutOfScope(Scope scope, Subject subject, Reader reader)
    {
        var organisation = reader.OrganisationId;
        var incident = subject.Incident;
        var takesPart = organisation is { } o && incident is not null && incident.Participants.Contains(o);
        return scope switch
        {
            Scope.Anyone => null,
            Scope.Own => organisation is not null && subject.Owner == organisation ? null : new Phrase("Denied.OwnRecordsOnly", "You can change only your own organisation's records."),
            Scope.OwnOrOversight => (organisation is not null && subject.Owner == organisation) || OverseesObligations(reader)
                ? null
                : new Phrase("Denied.OwnOrOversight", "Only the organisation itself, coordinators, auditors and administrators see this."),
            Scope.OwnOrAdministrator => (organisation is not null && subject.Owner == organisation) || reader.IsInRole(Administrator)
                ? null
                : new Phrase("Denied.OwnOrAdministrator", "Only the organisation's own coordinators and platform administrators do this."),
            Scope.PrivateCitizen => organisation is null ? null : new Phrase("Denied.AlreadyInOrganisation", "You already act for an organisation; a person belongs to one."),
            Scope.SeesDetail => SeesDetail(reader, incident!) ? null : new Phrase("Denied.SeesDetail", "Only organisations taking part in this incident see its detail; ask to join it from the incident page."),
            Scope.Coordinates => Coordinates(reader, incident!) ? null
                : new Phrase(
                    "Denied.Coordinates",
                    "Only coordinators of the lead organisation, of government bodies at {0} level or above (grade {1}), or of organisations taking part coordinate this incident.",
                    new Term(graded.MinimumLeadLevel(incident!.Severity)),
                    new Term(incident.Severity)),
            Scope.Verifies => reader.Kind == OrganisationKind.Government && reader.Level >= graded.MinimumLeadLevel(incident!.Severity) ? null
                : new Phrase("Denied.Verifies", "Only government bodies at {0} level or above verify a grade {1} report.", new Term(graded.MinimumLeadLevel(incident!.Severity)), new Term(incident.Severity)),
            Scope.TakesPart => takesPart || Coordinates(reader, incident!) ? null : new Phrase("Denied.TakesPart", "Only organisations taking part in this incident do this; ask to join it first."),
            Scope.Participant => takesPart ? null : new Phrase("Denied.TakesPart", "Only organisations taking part in this incident do this; ask to join it first."),
            Scope.ReadsReview => !SeesDetail(reader, incident!) ? new Phrase("Denied.ReadsReview", "Only organisations taking part in this incident read its review.")
                : !incident!.State.IsOpen() || reader.Oversees || Coordinates(reader, incident) ? null
                : new Phrase("Denied.ReviewAfterClose", "Those taking part read the review once the incident is closed; until then only its coordinators and auditors do."),
            Scope.Leads => organisation is not null && incident!.LeadOrganisationId == organisation ? null
                : new Phrase("Denied.LeadSigns", "Only a coordinator of the incident's lead organisation signs its review."),
            Scope.Outsider => organisation is null ? NoOrganisation : null,
            Scope.AssignedToMine => organisation is not null && subject.Owner == organisation ? null : new Phrase("Denied.AssignedToMine", "Only the organisation the task is given to answers for it."),
            Scope.MayAnswer => subject.Request!.ReaderAsked || (takesPart && subject.Request.ReaderHoldsType) ? null
                : new Phrase("Denied.MayAnswer", "Only organisations asked to answer, or taking part in the incident and holding this type of resource, answer a request."),
            Scope.HolderOrCoordinates => (organisation is not null && subject.Owner == organisation) || Coordinates(reader, incident!) ? null
                : new Phrase("Denied.HolderOrCoordinates", "Only the organisation that holds the resources, or a coordinator of the incident, reports where they are."),
            Scope.OwnsOrCoordinates => (organisation is not null && subject.Owner == organisation) || Coordinates(reader, incident!) ? null
                : subject.Kind == SubjectKind.Shelter
                    ? new Phrase("Denied.ShelterOwner", "Only the organisation running the shelter, or a coordinator of the incident, changes it.")
                    : new Phrase("Denied.ProjectOwner", "Only the organisation that owns the project, or a coordinator of the incident, changes it."),
            Scope.Person => reader.UserId is { } me && subject.CheckIn!.PersonId == me ? null : new Phrase("Denied.Person", "Only the person who checked in changes their check-in."),
            Scope.EditsWarning when subject.Warning!.State == WarningState.Draft =>
                takesPart || Coordinates(reader, incident!) ? null : new Phrase("Denied.WarningsTakePart", "Only organisations taking part in this incident work on its warnings; ask to join it first."),
            Scope.ApprovesWarning or Scope.EditsWarning => ApprovesWarning(reader, subject) ? null
                : _approval.DrafterMayPublishAloneUpToGrade is { } grade
                    ? new Phrase(
                        "Denied.WarningApprovalUpTo",
                        "A warning goes out, changes or is withdrawn only with a coordinator of this incident's approval (its drafter may act alone only on a grade {0} incident in the warning phase).",
                        grade == Severity.I ? "I" : $"I–{grade}")
                    : new Phrase("Denied.WarningApproval", "A warning goes out, changes or is withdrawn only with a coordinator of this incident's approval."),
            _ => NoRule,
        };
    }

    /// <summary>The subject's own state machine has the last word: a move it cannot make now is a conflict, not a refusal.</summary>
    private static Phrase? WhyNotNow(Act act, Rule rule, Subject subject, Reader reader)
    {
        if (rule.Move is { } move && subject.TaskState is { } taskState)
        {
            return taskState.WhyNot(move);
        }

        return act switch
        {
            Act.AskToJoin when subject.Incident!.Participants.Contains(reader.OrganisationId ?? Guid.Empty) => new Phrase("Rule.Join.AlreadyTakesPart", "Your organisation already takes part in this incident."),
            Act.AskToJoin when subject.Incident!.AskedToJoin.Contains(reader.OrganisationId ?? Guid.Empty) => new Phrase("Rule.Join.AlreadyAsked", "Your organisation has already asked to join; a coordinator will answer."),
            Act.AskToJoinGroup or Act.DecideMembership when subject.OrganisationKind is not (OrganisationKind.Citizen or OrganisationKind.CivicGroup) =>
                new Phrase("Rule.Group.OnlyCivic", "Only citizens' and civic groups take members or volunteers who ask; other organisations' people are added by an administrator."),
            Act.AskToJoinGroup when subject.ReaderAskedToJoin => new Phrase("Rule.Group.AlreadyAsked", "You have already asked to join this group; its coordinator will answer."),
            Act.PostCheckIn when subject.Incident!.State.Phase() != Phases.Response =>
                new Phrase("Rule.CheckIn.OnlyInResponse", "People check in while an incident is in its response phase; this one is not."),
            Act.RecordAssessment when subject.Incident!.State.Phase() is not (Phases.Response or Phases.Recovery) =>
                new Phrase("Rule.Assessment.OnlyResponseOrRecovery", "Damage is assessed once an incident is in its response or recovery phase; this one is not."),
            Act.StartRecoveryProject when subject.Incident!.State.Phase() != Phases.Recovery =>
                new Phrase("Rule.Project.OnlyRecovery", "Recovery projects are started once an incident is in its recovery phase; this one is not."),
            Act.OpenShelter or Act.DistributeRelief when subject.Incident!.State.Phase() is not (Phases.Response or Phases.Recovery) =>
                new Phrase("Rule.Shelter.OnlyResponseOrRecovery", "Shelters open and relief is handed out once an incident is in its response or recovery phase; this one is not."),
            Act.TurnCheckInIntoTask => CheckIn.WhyNotHandOver(subject.CheckIn!.Status, subject.CheckIn.TaskId),
            Act.AskOrganisation or Act.CloseRequest or Act.AnswerRequest => ResourceRequest.WhyNotOpen(subject.Request!.State),
            Act.CommitOffer when subject.Request is { } answered => ResourceRequest.WhyNotOpen(answered.State),
            Act.ReportCommitment when subject.CommitmentState is { } state
                && !ResourceCommitment.CanMove(state, CommitmentState.EnRoute) && !ResourceCommitment.CanMove(state, CommitmentState.Arrived) =>
                new Phrase("Rule.Commitment.NothingToReport", "The commitment is {0}; there is nothing more to report.", new Term(state)),
            Act.ReleaseCommitment when subject.CommitmentState is { } state && !ResourceCommitment.CanMove(state, CommitmentState.Released) =>
                new Phrase("Rule.Commitment.CannotRelease", "The commitment is {0}; it cannot be released.", new Term(state)),
            Act.SignReview when subject.Incident!.State != IncidentState.Closed => new Phrase("Rule.Review.CloseFirst", "Close the incident before signing its review."),
            Act.PublishWarning when subject.Warning!.State != WarningState.Draft => new Phrase("Rule.Warning.OnlyDraftPublished", "The warning is already {0}; only a draft is published.", new Term(subject.Warning.State, Lower: true)),
            Act.EditWarning or Act.CancelWarning when subject.Warning!.State is WarningState.Cancelled or WarningState.Expired =>
                new Phrase("Rule.Warning.NoLongerChanged", "The warning is {0}; it can no longer be changed.", new Term(subject.Warning.State, Lower: true)),
            _ => null,
        };
    }

    private static readonly Phrase NoRule = new("Denied.NoRule", "No rule says who may do this, so nobody may.");

    private static readonly Phrase NoOrganisation = new("Denied.NoOrganisation", "You act for no organisation yet; join a citizens' group first.");

    /// <summary>A role as a person reads it (<c>Denied.Role.*</c>); English keeps the role's code.</summary>
    private static Phrase RoleName(string role) => new("Denied.Role." + role, role);

    private static Rule Read(SubjectKind on, string[]? roles = null, Scope scope = Scope.Anyone) =>
        new(on, roles ?? AnySignedIn, null, scope, ChangesRecord: false);

    private static Rule Change(SubjectKind on, string[] roles, Right? right = null, Scope scope = Scope.Anyone) =>
        new(on, roles, right, scope, ChangesRecord: true);
}
