using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.Application.Security;

/// <summary>Who is asking: their roles, their organisation (none for a private citizen) and its effective charter.</summary>
public sealed record Reader(
    Guid? UserId,
    IReadOnlySet<string> Roles,
    Guid? OrganisationId,
    OrganisationKind? Kind,
    AdministrativeLevel? Level,
    IReadOnlyDictionary<Right, Phases> Charter)
{
    public static readonly Reader Anonymous = new(null, new HashSet<string>(), null, null, null, new Dictionary<Right, Phases>());

    public bool SignedIn => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    public Phases Holds(Right right) => Charter.TryGetValue(right, out var phases) ? phases : Phases.None;

    public bool Oversees => IsInRole(Security.Roles.Auditor) || IsInRole(Security.Roles.Administrator);
}

/// <summary>The facts about one incident that the rules read.</summary>
public sealed record IncidentFacts(
    Guid Id,
    IncidentState State,
    Severity Severity,
    Guid? LeadOrganisationId,
    Guid? ReportedByOrganisationId,
    Guid? ReportedByUserId,
    IReadOnlySet<Guid> Participants,
    IReadOnlySet<Guid> AskedToJoin)
{
    /// <summary>The people whose reports are now part of the incident (their own, or merged into it): they see its detail as its reporters.</summary>
    public IReadOnlySet<Guid> Reporters { get; init; } = new HashSet<Guid>();
}

/// <summary>The facts about a request that depend on the reader's organisation.</summary>
public sealed record RequestFacts(RequestState State, bool ReaderAsked, bool ReaderHoldsType);

/// <summary>The facts about a check-in that the rules read: whose it is, and whether it can still become a task.</summary>
public sealed record CheckInFacts(Guid PersonId, CheckInStatus Status, Guid? TaskId);

/// <summary>The facts about a warning that the rules read: where it is in its life, and who it is for.</summary>
public sealed record WarningFacts(Guid Id, WarningState State, WarningScope Scope, IReadOnlySet<Guid> Recipients, Guid DraftedByUserId);

/// <summary>
/// The thing a message acts on, as the rules see it: its kind and id, the incident it belongs to, the
/// organisation that owns it (an organisation's own record, a resource's holder, a task's assignee, an
/// offer's or commitment's holder) and the state that decides which moves it can make.
/// </summary>
public sealed record Subject(SubjectKind Kind, Guid? Id = null)
{
    public IncidentFacts? Incident { get; init; }

    public Guid? Owner { get; init; }

    public TaskState? TaskState { get; init; }

    public RequestFacts? Request { get; init; }

    public CommitmentState? CommitmentState { get; init; }

    /// <summary>The kind of organisation, when the subject is an organisation's record.</summary>
    public OrganisationKind? OrganisationKind { get; init; }

    /// <summary>Whether the reader has a pending request to join this organisation.</summary>
    public bool ReaderAskedToJoin { get; init; }

    /// <summary>The warning, when the subject is one.</summary>
    public WarningFacts? Warning { get; init; }

    /// <summary>The check-in, when the subject is one.</summary>
    public CheckInFacts? CheckIn { get; init; }
}
