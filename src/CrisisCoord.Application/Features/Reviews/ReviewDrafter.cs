using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>
/// Drafts an incident's after-action review from its record: its chain told as sentences, its milestones, the
/// obligations met and breached, who carried the work phase by phase, resources asked for against delivered,
/// its objectives and the notes written on the review. Read, view and signature all draft it here, so what is
/// signed is what is shown.
/// </summary>
public static class ReviewDrafter
{
    private static readonly JsonSerializerOptions HashJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The milestones of <see cref="KeyTime"/>, in the order a review lists them.</summary>
    public const string Reported = "Reported", Verified = "Verified", LeadSet = "Lead organisation set", FirstTaskAccepted = "First task accepted", Closed = "Closed";

    public static string Entered(Phases phase) => $"{phase} phase entered";

    /// <summary>The review through the chain's event <paramref name="throughSequence"/> (all of it when null).</summary>
    public static async Task<ReviewContent> DraftAsync(AppDbContext db, Guid incidentId, long? throughSequence, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking()
            .Where(i => i.Id == incidentId)
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.PlaceName,
                i.ReportedAt,
                i.State,
                Severity = i.AwaitingGrade ? (Severity?)null : i.Severity,
                Lead = db.Organisations.Where(o => o.Id == i.LeadOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Incident", incidentId);

        var events = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.ChainId == incidentId && (throughSequence == null || e.Sequence <= throughSequence))
            .OrderBy(e => e.Sequence)
            .Select(e => new
            {
                e.Sequence,
                e.OccurredAt,
                e.ActorUserId,
                e.ActorOrganisationId,
                e.Action,
                e.EntityType,
                e.EntityId,
                e.Payload,
                Organisation = db.Organisations.Where(o => o.Id == e.ActorOrganisationId).Select(o => o.Name).FirstOrDefault(),
                Person = db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var tasks = await db.Tasks.AsNoTracking().Where(t => t.IncidentId == incidentId)
            .Select(t => new { t.Id, t.Title, t.Phase, t.State, t.AssignedOrganisationId })
            .ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.IncidentId == incidentId).OrderBy(o => o.SetAt).ThenBy(o => o.Id)
            .Select(o => new { o.Id, Line = new ObjectiveLine(o.Title, o.Phase, o.Status, o.Progress, o.Target, o.Unit, o.WaiverReason) })
            .ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => db.IncidentParticipants.Any(p => p.IncidentId == incidentId && p.OrganisationId == o.Id)
                || db.Incidents.Any(i => i.Id == incidentId && i.LeadOrganisationId == o.Id)
                || db.Tasks.Any(t => t.IncidentId == incidentId && t.AssignedOrganisationId == o.Id)
                || db.ResourceCommitments.Any(c => c.IncidentId == incidentId && c.OrganisationId == o.Id)
                || db.RequestAddressees.Any(a => a.IncidentId == incidentId && a.OrganisationId == o.Id)
                || db.ObligationBreaches.Any(b => b.IncidentId == incidentId && b.OrganisationId == o.Id)
                || db.ReviewNotes.Any(n => n.IncidentId == incidentId && n.OrganisationId == o.Id))
            .Select(o => new { o.Id, o.Name, o.Kind })
            .ToDictionaryAsync(o => o.Id, ct);
        var requested = await db.ResourceRequests.AsNoTracking().Where(r => r.IncidentId == incidentId)
            .GroupBy(r => r.ResourceTypeId)
            .Select(g => new { Type = g.Key, Quantity = g.Sum(r => r.Quantity) })
            .ToListAsync(ct);
        var commitments = await (
                from c in db.ResourceCommitments
                join r in db.Resources on c.ResourceId equals r.Id
                where c.IncidentId == incidentId
                select new { c.OrganisationId, c.CommittedAt, c.State, c.Quantity, r.ResourceTypeId, Arrived = c.ArrivedAt != null })
            .AsNoTracking()
            .ToListAsync(ct);
        var typeIds = requested.Select(r => r.Type).Concat(commitments.Select(c => c.ResourceTypeId)).Distinct().ToList();
        var types = await db.ResourceTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Unit })
            .ToDictionaryAsync(t => t.Id, ct);
        var breaches = await db.ObligationBreaches.AsNoTracking().Where(b => b.IncidentId == incidentId)
            .GroupBy(b => new { b.OrganisationId, b.Obligation })
            .Select(g => new { g.Key.OrganisationId, g.Key.Obligation, Count = g.Count() })
            .ToListAsync(ct);
        var asked = await db.RequestAddressees.AsNoTracking().Where(a => a.IncidentId == incidentId)
            .GroupBy(a => a.OrganisationId)
            .Select(g => new { Organisation = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var notes = await db.ReviewNotes.AsNoTracking().Where(n => n.IncidentId == incidentId)
            .OrderBy(n => n.WrittenAt).ThenBy(n => n.Id)
            .Select(n => new ReviewNoteDto(
                n.Id, n.Kind, n.Text,
                db.Organisations.Where(o => o.Id == n.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == n.WrittenByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                n.WrittenAt))
            .ToListAsync(ct);

        // Recovery projects, their milestones, shelters and what was handed out, named in the timeline's sentences: one read.
        var recoveryNames = await db.RecoveryProjects.AsNoTracking().Where(p => p.IncidentId == incidentId).Select(p => new { p.Id, Name = p.Title })
            .Concat(db.RecoveryMilestones.Where(m => db.RecoveryProjects.Any(p => p.Id == m.ProjectId && p.IncidentId == incidentId)).Select(m => new { m.Id, Name = m.Title }))
            .Concat(db.Shelters.Where(s => s.IncidentId == incidentId).Select(s => new { s.Id, s.Name }))
            .Concat(db.ResourceTypes.Where(t => db.ReliefDistributions.Any(d => d.IncidentId == incidentId && d.ResourceTypeId == t.Id)).Select(t => new { t.Id, t.Name }))
            .ToListAsync(ct);
        var names = recoveryNames.ToDictionary(n => n.Id, n => n.Name);
        foreach (var (id, o) in organisations)
        {
            names[id] = o.Name;
        }

        foreach (var t in tasks)
        {
            names[t.Id] = t.Title;
        }

        foreach (var (id, t) in types)
        {
            names[id] = t.Name;
        }

        foreach (var o in objectives)
        {
            names[o.Id] = o.Line.Title;
        }

        // Walk the chain once: sentences, milestones, and when each task was given and answered.
        var timeline = new List<ReviewSentence>();
        var milestones = new Dictionary<string, DateTimeOffset> { [Reported] = incident.ReportedAt };
        var phaseEntered = new List<(Phases Phase, DateTimeOffset At)>();
        var givenAt = new Dictionary<string, (Guid Organisation, DateTimeOffset At)>();
        var answered = new List<(Guid Organisation, TimeSpan Took)>();
        string? grade = null;
        foreach (var e in events)
        {
            var recorded = new RecordedEvent(e.OccurredAt, e.Organisation ?? e.Person ?? TimelineSentences.System.English, e.Action, e.EntityType, e.EntityId, e.Payload,
                BySystem: e.Organisation is null && e.Person is null);
            var values = TimelineSentences.MainChange(recorded);
            var state = TimelineSentences.Text(values?["state"]);
            grade = TimelineSentences.Text(values?["severity"]) ?? grade;
            switch (e.Action)
            {
                case "TransitionIncident" or "MergeIncident" when state is not null:
                    if (TimelineSentences.From(values?["state"]) == nameof(IncidentState.Reported) && state != nameof(IncidentState.Dismissed))
                    {
                        milestones.TryAdd(Verified, e.OccurredAt);
                    }

                    if (Enum.TryParse<IncidentState>(state, out var to))
                    {
                        if (to.Phase() is var phase and not Phases.None && !phaseEntered.Any(p => p.Phase == phase))
                        {
                            phaseEntered.Add((phase, e.OccurredAt));
                        }

                        if (!to.IsOpen())
                        {
                            milestones[Closed] = e.OccurredAt;
                        }
                    }

                    break;
                case "SetIncidentLead":
                    milestones.TryAdd(LeadSet, e.OccurredAt);
                    break;
                case "CreateTask" or "AssignTask" or "ClaimTask" when Guid.TryParse(TimelineSentences.Text(values?["assignedOrganisationId"]), out var holder):
                    if (e.Action == "ClaimTask")
                    {
                        milestones.TryAdd(FirstTaskAccepted, e.OccurredAt);
                    }
                    else
                    {
                        givenAt[e.EntityId] = (holder, e.OccurredAt);
                    }

                    break;
                case "AcceptTask" or "DeclineTask":
                    if (e.Action == "AcceptTask")
                    {
                        milestones.TryAdd(FirstTaskAccepted, e.OccurredAt);
                    }

                    if (givenAt.Remove(e.EntityId, out var given))
                    {
                        answered.Add((given.Organisation, e.OccurredAt - given.At));
                    }

                    break;
            }

            var sentence = TimelineSentences.Sentence(recorded, names, grade);
            timeline.Add(new ReviewSentence(e.Sequence, e.OccurredAt, sentence.ToString(), sentence));
        }

        return new ReviewContent(
            incident.Id,
            incident.Title,
            incident.PlaceName,
            incident.State,
            incident.Severity,
            incident.Lead ?? "",
            timeline,
            KeyTimes(milestones, phaseEntered),
            Obligations(breaches.Select(b => (b.OrganisationId, b.Obligation, b.Count)),
                tasks.Where(t => t.AssignedOrganisationId is not null).GroupBy(t => t.AssignedOrganisationId!.Value).Select(g => (g.Key, g.Count())),
                asked.Select(a => (a.Organisation, a.Count)),
                id => organisations.TryGetValue(id, out var o) ? o.Name : id.ToString()),
            [.. new[] { Phases.Warning, Phases.Response, Phases.Recovery }.Select(phase => new PhaseBalance(phase, [
                .. Enum.GetValues<OrganisationKind>()
                    .Select(kind => new KindShare(
                        kind,
                        tasks.Count(t => t.Phase == phase && t.AssignedOrganisationId is { } holder && organisations.TryGetValue(holder, out var o) && o.Kind == kind),
                        commitments.Count(c => c.State != CommitmentState.Released && PhaseAt(phaseEntered, c.CommittedAt) == phase
                            && organisations.TryGetValue(c.OrganisationId, out var o) && o.Kind == kind)))
                    .Where(k => k.Tasks + k.Commitments > 0)]))],
            [.. answered.GroupBy(a => a.Organisation)
                .Select(g => new AcknowledgeTime(
                    organisations.TryGetValue(g.Key, out var o) ? o.Name : g.Key.ToString(),
                    g.Count(),
                    TimeSpan.FromTicks((long)g.Average(a => a.Took.Ticks)),
                    g.Max(a => a.Took)))
                .OrderBy(a => a.Organisation, StringComparer.Ordinal)],
            [.. typeIds
                .Select(type => new ResourceLine(
                    types.TryGetValue(type, out var t) ? t.Name : type.ToString(),
                    types.TryGetValue(type, out var u) ? u.Unit : "",
                    requested.Where(r => r.Type == type).Sum(r => r.Quantity),
                    commitments.Where(c => c.ResourceTypeId == type && c.State != CommitmentState.Released).Sum(c => c.Quantity),
                    commitments.Where(c => c.ResourceTypeId == type && c.Arrived).Sum(c => c.Quantity)))
                .OrderBy(r => r.ResourceType, StringComparer.Ordinal)],
            [.. objectives.Select(o => o.Line)],
            notes);
    }

    /// <summary>Lower-case hex SHA-256 of the content's canonical JSON: what the lead signs.</summary>
    public static string HashOf(ReviewContent content)
    {
        var json = CanonicalJson.Write(JsonSerializer.SerializeToNode(content, HashJson) ?? new JsonObject());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private static List<KeyTime> KeyTimes(Dictionary<string, DateTimeOffset> milestones, List<(Phases Phase, DateTimeOffset At)> phases)
    {
        DateTimeOffset? At(string milestone) => milestones.TryGetValue(milestone, out var at) ? at : null;
        List<(string Milestone, DateTimeOffset? At)> order =
        [
            .. new[] { Reported, Verified, LeadSet, FirstTaskAccepted }.Select(m => (m, At(m))),
            .. phases.Select(p => (Entered(p.Phase), (DateTimeOffset?)p.At)),
            (Closed, At(Closed)),
        ];

        var reported = order[0].At;
        DateTimeOffset? previous = null;
        var times = new List<KeyTime>();
        foreach (var (milestone, at) in order)
        {
            times.Add(new KeyTime(milestone, at, at - reported, at - previous));
            previous = at ?? previous;
        }

        return times;
    }

    /// <summary>The phase the incident was in at a moment: the last entered by then (the first, before any).</summary>
    private static Phases PhaseAt(List<(Phases Phase, DateTimeOffset At)> entered, DateTimeOffset at) =>
        entered.LastOrDefault(p => p.At <= at) is { Phase: not Phases.None } p ? p.Phase : entered.FirstOrDefault().Phase;

    private static List<ObligationRecord> Obligations(
        IEnumerable<(Guid Organisation, Obligation Obligation, int Count)> breaches,
        IEnumerable<(Guid Organisation, int Count)> tasksGiven,
        IEnumerable<(Guid Organisation, int Count)> requestsAsked,
        Func<Guid, string> nameOf)
    {
        var breached = breaches.ToDictionary(b => (b.Organisation, b.Obligation), b => b.Count);
        var owed = new Dictionary<(Guid, Obligation), int>();
        foreach (var (organisation, count) in tasksGiven)
        {
            owed[(organisation, Obligation.AcknowledgeTask)] = count;
        }

        foreach (var (organisation, count) in requestsAsked)
        {
            owed[(organisation, Obligation.AnswerResourceRequest)] = count;
        }

        return [.. owed.Keys.Union(breached.Keys)
            .Select(key => new ObligationRecord(
                nameOf(key.Item1),
                key.Item2,
                owed.TryGetValue(key, out var o) ? Math.Max(0, o - breached.GetValueOrDefault(key)) : null,
                breached.GetValueOrDefault(key)))
            .OrderBy(r => r.Organisation, StringComparer.Ordinal)
            .ThenBy(r => r.Obligation)];
    }
}
