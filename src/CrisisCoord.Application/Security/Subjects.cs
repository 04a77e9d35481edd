using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Security;

/// <summary>Loads what a message acts on, with the facts the rules read, in as few queries as the kind needs.</summary>
public sealed class Subjects(AppDbContext db, CharterCache? charters = null)
{
    // Incident facts read once per request: a composite page asks for the same incidents several times (the
    // gate, the capabilities, the rows of its lists). Forgotten whenever a command is authorized, since it changes them.
    private readonly Dictionary<Guid, IncidentFacts> _incidents = [];

    /// <summary>Forgets the facts read so far: the next read sees what a command changed.</summary>
    public void Forget() => _incidents.Clear();

    /// <summary>The id a message names for its subject. An empty id is a missing field, answered like any other.</summary>
    public static Guid? IdOf(SubjectKind kind, object message)
    {
        var (id, field) = kind switch
        {
            SubjectKind.Public or SubjectKind.Self or SubjectKind.Registry => (Guid.Empty, ""),
            SubjectKind.Organisation => (As<IOrganisationMessage>(message).OrganisationId, "organisationId"),
            SubjectKind.Resource => (As<IResourceMessage>(message).ResourceId, "resourceId"),
            SubjectKind.Incident => (As<IIncidentMessage>(message).IncidentId, "incidentId"),
            SubjectKind.Objective => (As<IObjectiveMessage>(message).ObjectiveId, "objectiveId"),
            SubjectKind.Task => (As<ITaskMessage>(message).TaskId, "taskId"),
            SubjectKind.Request => (As<IResourceRequestMessage>(message).RequestId, "requestId"),
            SubjectKind.Offer => (As<IResourceOfferMessage>(message).OfferId, "offerId"),
            SubjectKind.Commitment => (As<IResourceCommitmentMessage>(message).CommitmentId, "commitmentId"),
            SubjectKind.Warning => (As<IWarningMessage>(message).WarningId, "warningId"),
            SubjectKind.Photo => (As<IPhotoMessage>(message).PhotoId, "photoId"),
            SubjectKind.CheckIn => (As<ICheckInMessage>(message).CheckInId, "checkInId"),
            SubjectKind.RecoveryProject => (As<IRecoveryProjectMessage>(message).ProjectId, "projectId"),
            SubjectKind.Shelter => (As<IShelterMessage>(message).ShelterId, "shelterId"),
            _ => throw new InvalidOperationException($"Unknown subject kind {kind}."),
        };
        if (field.Length == 0)
        {
            return null;
        }

        return id != Guid.Empty
            ? id
            : throw new ValidationException([new ValidationFailure(field, new Phrase("Rule.SayWhich", "Say which {0} this is about ({1}).", new Noun(Name(kind), Lower: true), field).Say())]);
    }

    public async Task<Subject> LoadAsync(SubjectKind kind, Guid? id, Reader reader, CancellationToken ct)
    {
        if (id is not { } key)
        {
            return new Subject(kind) { Owner = kind == SubjectKind.Self ? reader.OrganisationId : null };
        }

        switch (kind)
        {
            case SubjectKind.Organisation:
                var user = reader.UserId ?? Guid.Empty;
                var organisation = await db.Organisations.Where(o => o.Id == key)
                    .Select(o => new
                    {
                        o.Kind,
                        Asked = db.MembershipRequests.Any(m => m.OrganisationId == o.Id && m.UserId == user && m.Status == MembershipStatus.Pending),
                    })
                    .SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key) { Owner = key, OrganisationKind = organisation.Kind, ReaderAskedToJoin = organisation.Asked };
            case SubjectKind.Resource:
                var holder = await db.Resources.Where(r => r.Id == key).Select(r => (Guid?)r.OrganisationId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key) { Owner = holder };
            case SubjectKind.Incident:
                return new Subject(kind, key) { Incident = await IncidentAsync(key, ct) };
            case SubjectKind.Objective:
                var objectiveIncident = await db.Objectives.Where(o => o.Id == key).Select(o => (Guid?)o.IncidentId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key) { Incident = await IncidentAsync(objectiveIncident, ct) };
            case SubjectKind.Task:
                var task = await db.Tasks.Where(t => t.Id == key).Select(t => new { t.IncidentId, t.State, t.AssignedOrganisationId }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return ForTask(await IncidentAsync(task.IncidentId, ct), key, task.State, task.AssignedOrganisationId);
            case SubjectKind.Request:
                var mine = reader.OrganisationId ?? Guid.Empty;
                var request = await db.ResourceRequests.Where(r => r.Id == key)
                    .Select(r => new
                    {
                        r.IncidentId,
                        r.State,
                        Asked = db.RequestAddressees.Any(a => a.RequestId == r.Id && a.OrganisationId == mine),
                        Holds = db.Resources.Any(x => x.OrganisationId == mine && x.ResourceTypeId == r.ResourceTypeId),
                    })
                    .SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key)
                {
                    Incident = await IncidentAsync(request.IncidentId, ct),
                    Request = new RequestFacts(request.State, request.Asked, request.Holds),
                };
            case SubjectKind.Offer:
                var offer = await db.ResourceOffers.Where(o => o.Id == key)
                    .Select(o => new { o.IncidentId, o.OrganisationId, RequestState = db.ResourceRequests.Where(r => r.Id == o.RequestId).Select(r => (RequestState?)r.State).FirstOrDefault() })
                    .SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return ForOffer(await IncidentAsync(offer.IncidentId, ct), key, offer.OrganisationId, offer.RequestState);
            case SubjectKind.Commitment:
                var commitment = await db.ResourceCommitments.Where(c => c.Id == key).Select(c => new { c.IncidentId, c.OrganisationId, c.State }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return ForCommitment(await IncidentAsync(commitment.IncidentId, ct), key, commitment.OrganisationId, commitment.State);
            case SubjectKind.Warning:
                var warning = await db.Warnings.Where(w => w.Id == key)
                    .Select(w => new { w.IncidentId, w.State, w.Scope, w.Recipients, w.DraftedByUserId })
                    .SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return ForWarning(await IncidentAsync(warning.IncidentId, ct), key, warning.State, warning.Scope, warning.Recipients, warning.DraftedByUserId);
            case SubjectKind.Photo:
                var photoIncident = await db.ReportPhotos.Where(p => p.Id == key).Select(p => (Guid?)p.IncidentId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key) { Incident = await IncidentAsync(photoIncident, ct) };
            case SubjectKind.CheckIn:
                var checkIn = await db.CheckIns.Where(c => c.Id == key).Select(c => new { c.IncidentId, c.UserId, c.Status, c.TaskId }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return ForCheckIn(await IncidentAsync(checkIn.IncidentId, ct), key, new CheckInFacts(checkIn.UserId, checkIn.Status, checkIn.TaskId));
            case SubjectKind.RecoveryProject:
                var project = await db.RecoveryProjects.Where(p => p.Id == key).Select(p => new { p.IncidentId, p.OwnerOrganisationId }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key) { Incident = await IncidentAsync(project.IncidentId, ct), Owner = project.OwnerOrganisationId };
            case SubjectKind.Shelter:
                var shelter = await db.Shelters.Where(s => s.Id == key).Select(s => new { s.IncidentId, s.OrganisationId }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Name(kind), key);
                return new Subject(kind, key) { Incident = await IncidentAsync(shelter.IncidentId, ct), Owner = shelter.OrganisationId };
            default:
                throw new InvalidOperationException($"{kind} has no id.");
        }
    }

    public static Subject ForTask(IncidentFacts incident, Guid id, TaskState state, Guid? assignee) =>
        new(SubjectKind.Task, id) { Incident = incident, TaskState = state, Owner = assignee };

    public static Subject ForCheckIn(IncidentFacts incident, Guid id, CheckInFacts checkIn) =>
        new(SubjectKind.CheckIn, id) { Incident = incident, CheckIn = checkIn };

    public static Subject ForWarning(IncidentFacts incident, Guid id, WarningState state, WarningScope scope, IEnumerable<Guid> recipients, Guid draftedBy) =>
        new(SubjectKind.Warning, id) { Incident = incident, Warning = new WarningFacts(id, state, scope, recipients.ToHashSet(), draftedBy) };

    public static Subject ForCommitment(IncidentFacts incident, Guid id, Guid holder, CommitmentState state) =>
        new(SubjectKind.Commitment, id) { Incident = incident, Owner = holder, CommitmentState = state };

    /// <summary>An offer as the rules see it; <paramref name="requestState"/> is the state of the request it answers, null for an offer made unasked.</summary>
    public static Subject ForOffer(IncidentFacts incident, Guid id, Guid holder, RequestState? requestState) =>
        new(SubjectKind.Offer, id) { Incident = incident, Owner = holder, Request = requestState is { } state ? new RequestFacts(state, false, false) : null };

    public async Task<IncidentFacts> IncidentAsync(Guid id, CancellationToken ct) =>
        (await IncidentsAsync([id], ct)).GetValueOrDefault(id) ?? throw new NotFoundException(Name(SubjectKind.Incident), id);

    /// <summary>The facts of many incidents, those not read yet in one query, for lists that decide row by row.</summary>
    public async Task<IReadOnlyDictionary<Guid, IncidentFacts>> IncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => !_incidents.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, facts) in await ReadIncidentsAsync(missing, ct))
            {
                _incidents[id] = facts;
            }
        }

        return ids.Distinct().Where(_incidents.ContainsKey).ToDictionary(id => id, id => _incidents[id]);
    }

    /// <summary>Which of these incidents the reader sees the detail of, by <see cref="AccessRules.IncidentsWithDetailShown"/>.</summary>
    public async Task<HashSet<Guid>> DetailShownAsync(AccessRules rules, Reader reader, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        [.. await rules.IncidentsWithDetailShown(db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)), db.IncidentParticipants, db.IncidentReports, reader)
            .ToListAsync(ct)];

    /// <summary>The facts of every open incident: for a read shared by many readers, each deciding row by row (the dashboard).</summary>
    public Task<Dictionary<Guid, IncidentFacts>> OpenIncidentsAsync(CancellationToken ct) =>
        ReadIncidentsAsync(db.Incidents.Where(i => IncidentStateMachine.OpenStates.Contains(i.State)), ct);

    private Task<Dictionary<Guid, IncidentFacts>> ReadIncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ReadIncidentsAsync(db.Incidents.Where(i => ids.Contains(i.Id)), ct);

    private async Task<Dictionary<Guid, IncidentFacts>> ReadIncidentsAsync(IQueryable<Incident> which, CancellationToken ct)
    {
        // One round trip: the participants come joined to their incident.
        var incidents = await which.AsNoTracking()
            .Select(i => new
            {
                i.Id,
                i.State,
                i.Severity,
                i.LeadOrganisationId,
                i.ReportedByOrganisationId,
                i.ReportedByUserId,
                Participants = db.IncidentParticipants.Where(p => p.IncidentId == i.Id).Select(p => new { p.OrganisationId, p.Status }).ToList(),
                Reporters = db.IncidentReports.Where(r => r.IncidentId == i.Id).Select(r => r.ReporterUserId).Distinct().ToList(),
            })
            .ToListAsync(ct);
        return incidents.ToDictionary(i => i.Id, i => new IncidentFacts(
            i.Id,
            i.State,
            i.Severity,
            i.LeadOrganisationId,
            i.ReportedByOrganisationId,
            i.ReportedByUserId,
            i.Participants.Where(p => p.Status == ParticipationStatus.Admitted).Select(p => p.OrganisationId).ToHashSet(),
            i.Participants.Where(p => p.Status == ParticipationStatus.Requested).Select(p => p.OrganisationId).ToHashSet())
        {
            Reporters = i.Reporters.ToHashSet(),
        });
    }

    /// <summary>
    /// Who the signed-in person is to the rules: roles (from the sign-in), organisation and its effective charter
    /// (from <see cref="CharterCache"/> when kept there, else two queries).
    /// </summary>
    public async Task<Reader> ReaderAsync(ICurrentUser user, CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.UserId is not { } userId)
        {
            return Reader.Anonymous;
        }

        var roles = Roles.All.Where(user.IsInRole).ToHashSet();
        var key = user.OrganisationId ?? Guid.Empty;
        var standing = charters is null
            ? await StandingAsync(user.OrganisationId, ct)
            : await charters.GetAsync(key, token => StandingAsync(user.OrganisationId, token), ct);
        standing ??= (await StandingAsync(null, ct))!;
        return new Reader(userId, roles, standing.OrganisationId, standing.OrganisationId is null ? null : standing.Kind, standing.Level, standing.Charter);
    }

    /// <summary>
    /// An organisation's kind, level and effective charter; for no organisation (or one that no longer exists, which
    /// answers null), a private citizen's: they act for no one, but may report what they see, as the citizens' kind may.
    /// </summary>
    private async Task<CharterCache.Standing?> StandingAsync(Guid? organisationId, CancellationToken ct)
    {
        if (organisationId is not { } id)
        {
            var citizens = await db.CharterEntries.AsNoTracking()
                .Where(e => e.Right == Right.ReportIncident && e.Kind == OrganisationKind.Citizen && e.OrganisationId == null)
                .ToListAsync(ct);
            return new CharterCache.Standing(null, OrganisationKind.Citizen, null, new Dictionary<Right, Phases>
            {
                [Right.ReportIncident] = CharterItem.Of(Right.ReportIncident).EffectivePhases(OrganisationKind.Citizen, citizens),
            });
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Kind, o.Level }).SingleOrDefaultAsync(ct);
        if (organisation is null)
        {
            return null;
        }

        var entries = await db.CharterEntries.AsNoTracking()
            .Where(e => e.Right != null && e.Kind == organisation.Kind && (e.OrganisationId == organisation.Id || e.OrganisationId == null))
            .ToListAsync(ct);
        var charter = Enum.GetValues<Right>().ToDictionary(
            right => right,
            right => CharterItem.Of(right).EffectivePhases(organisation.Kind, entries.Where(e => e.Right == right)));
        return new CharterCache.Standing(organisation.Id, organisation.Kind, organisation.Level, charter);
    }

    public static string Name(SubjectKind kind) => kind switch
    {
        SubjectKind.Request => "Resource request",
        SubjectKind.Offer => "Resource offer",
        SubjectKind.Commitment => "Resource commitment",
        SubjectKind.CheckIn => "Check-in",
        SubjectKind.RecoveryProject => "Recovery project",
        _ => kind.ToString(),
    };

    private static T As<T>(object message) =>
        message is T typed ? typed : throw new InvalidOperationException($"{message.GetType().Name} acts on a subject it does not name: it must implement {typeof(T).Name}.");
}
