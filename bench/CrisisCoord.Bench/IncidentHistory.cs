using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using Npgsql;

namespace CrisisCoord.Bench;

/// <summary>
/// Incidents with their whole history, each step through the domain's own factories and transitions and recorded
/// on the incident's chain: reported, verified, led, joined by organisations, then tasks, situation reports and
/// shared-log posts until now (open incidents) or until closed. Written by COPY in batches, parents first, so every
/// foreign key holds as rows arrive.
/// </summary>
public sealed class IncidentHistory(ChangeHistory history, BenchRegistry registry, BenchScale scale, Random random)
{
    /// <summary>About this many events are written per batch (memory is held for one batch).</summary>
    private const int BatchEvents = 100_000;

    private readonly List<Organisation> _governments = [.. registry.Organisations.Where(o => o.Kind == OrganisationKind.Government)];
    private readonly Guid _coordinatorOrganisation = registry.Named(BenchRegistry.MinistryName).Id;
    private Batch _batch = new();

    /// <summary>Each assignable task and the participant it is to be given to.</summary>
    public List<(Guid Task, Guid Organisation)> AssignableTasks { get; } = [];

    /// <summary>The incidents in response with their events, to find a typical one beside the busiest.</summary>
    public List<(Guid Incident, int Events)> Responding { get; } = [];

    public Guid Busiest { get; private set; }

    public int BusiestEvents { get; private set; }

    public long EventsWritten { get; private set; }

    public async Task WriteAsync(NpgsqlDataSource source, int budget, CancellationToken ct)
    {
        var plans = Plan(budget);
        var now = DateTimeOffset.UtcNow;
        // One batch is copied while the next is built: PostgreSQL and the generator each keep a core busy.
        var copying = Task.CompletedTask;
        foreach (var plan in plans)
        {
            Build(plan, now);
            if (_batch.Events.Count >= BatchEvents)
            {
                await copying;
                copying = CopyAsync(source, _batch, ct);
                _batch = new Batch();
            }
        }

        await copying;
        await CopyAsync(source, _batch, ct);
    }

    private sealed class IncidentPlan(IncidentState state, bool busiest)
    {
        public IncidentState State { get; } = state;

        public bool Busiest { get; } = busiest;

        public bool Led => State is not (IncidentState.Reported or IncidentState.Dismissed);

        public int Participants { get; set; }

        public int Tasks { get; set; }

        public int SitReps { get; set; }

        public int LogEntries { get; set; }

        public int Transitions => State switch
        {
            IncidentState.Reported => 0,
            IncidentState.Recovery => 2,
            IncidentState.Closed => 3,
            _ => 1,
        };

        /// <summary>Everything but the shared log: the report, transitions, the lead, the others admitted, tasks, reports.</summary>
        public int BaseEvents => 1 + Transitions + (Led ? Participants : 0) + Tasks + SitReps;

        public int Events => BaseEvents + LogEntries;
    }

    /// <summary>
    /// States, participants, tasks and reports per incident, then the shared log fills the event budget: a
    /// long-tailed share per incident, and <see cref="BenchScale.BusiestShare"/> of all events for the busiest.
    /// </summary>
    private List<IncidentPlan> Plan(int budget)
    {
        var open = scale.OpenIncidents;
        IncidentState OpenState(int i) => (i * 10 / open) switch
        {
            0 => IncidentState.Reported,
            1 or 2 => IncidentState.Warning,
            >= 3 and <= 7 => IncidentState.Response,
            _ => IncidentState.Recovery,
        };
        List<IncidentPlan> plans = [];
        for (var i = 0; i < scale.Incidents; i++)
        {
            var state = i < open ? OpenState(i) : (i % 20 < 3 ? IncidentState.Dismissed : IncidentState.Closed);
            plans.Add(new IncidentPlan(state, busiest: i == open * 3 / 10));
        }

        var busiest = plans.Single(p => p.Busiest);
        foreach (var plan in plans.Where(p => p.Led))
        {
            plan.Participants = plan.Busiest ? Math.Min(40, registry.Organisations.Count / 2) : 2 + random.Next(4);
            plan.SitReps = 1 + random.Next(4);
        }

        var responding = plans.Where(p => p.State == IncidentState.Response).ToList();
        busiest.Tasks = (int)(scale.AssignableTasks * scale.BusiestShare);
        var others = responding.Where(p => !p.Busiest).ToList();
        for (var i = 0; i < scale.AssignableTasks - busiest.Tasks; i++)
        {
            others[i % others.Count].Tasks++;
        }

        var busiestEvents = (int)(scale.Events * scale.BusiestShare);
        busiest.SitReps = busiestEvents / 50;
        busiest.LogEntries = Math.Max(0, busiestEvents - busiest.BaseEvents);
        var logs = budget - plans.Sum(p => p.BaseEvents) - busiest.LogEntries;
        if (logs < 0)
        {
            throw new InvalidOperationException($"The scale leaves no events for the shared logs ({logs}); raise Events.");
        }

        var active = plans.Where(p => p.Led && !p.Busiest).ToList();
        var weights = active.Select(_ => 1 / (0.03 + random.NextDouble())).ToList();
        var total = weights.Sum();
        foreach (var (plan, weight) in active.Zip(weights))
        {
            plan.LogEntries = (int)(logs * weight / total);
        }

        for (var left = logs - active.Sum(p => p.LogEntries); left > 0; left--)
        {
            active[random.Next(active.Count)].LogEntries++;
        }

        return plans;
    }

    private void Build(IncidentPlan plan, DateTimeOffset now)
    {
        var (start, end) = plan.State.IsOpen()
            ? (now - TimeSpan.FromHours(plan.Busiest ? 5 * 24 : 2 + random.Next(8 * 24)), now - TimeSpan.FromMinutes(1))
            : (now - TimeSpan.FromHours(12 * 24 + random.Next(48 * 24)), DateTimeOffset.MinValue);
        if (!plan.State.IsOpen())
        {
            end = start + TimeSpan.FromHours(24 + random.Next(9 * 24));
        }

        var reporterOrganisation = registry.Organisations[random.Next(registry.Organisations.Count)];
        var reporter = new Reporter(registry.StaffOf[reporterOrganisation.Id], reporterOrganisation.Id);
        var category = (IncidentCategory)random.Next(4);
        var severity = plan.Busiest ? Severity.II : (Severity)(4 - Math.Min(3, (int)Math.Floor(-Math.Log(random.NextDouble()) * 0.9)));
        var (lat, lon) = Geography.Near(random);
        var place = Texts.Place(random);
        var incident = Incident.Report(
            Texts.Title(category, place, random), Texts.Description(category, random), category, severity, place, Math.Round(lat, 5), Math.Round(lon, 5), start, reporter);
        var chain = new Chain(incident.Id, null);
        var coordinator = registry.People.Coordinator;
        var events = 0;
        void Record(string action, Type subject, Guid? user, Guid? organisation, DateTimeOffset at, Action<AppDbContext> change)
        {
            _batch.Events.Add(history.Step(chain, action, subject, user, organisation, at, change));
            events++;
        }

        void Move(IncidentState to, DateTimeOffset at, string reason) =>
            Record("TransitionIncident", typeof(Incident), coordinator, _coordinatorOrganisation, at, db =>
            {
                db.Incidents.Attach(incident);
                incident.TransitionTo(to, reason, at);
            });

        Record("LogIncident", typeof(Incident), reporter.UserId, reporter.OrganisationId, start, db => db.Incidents.Add(incident));
        var at = start + TimeSpan.FromMinutes(10);
        switch (plan.State)
        {
            case IncidentState.Reported:
                break;
            case IncidentState.Dismissed:
                Move(IncidentState.Dismissed, at, "Duplicate of an earlier report.");
                break;
            case IncidentState.Warning:
                Move(IncidentState.Warning, at, "Verified by the duty officer; conditions are deteriorating.");
                break;
            default:
                Move(IncidentState.Response, at, "Verified on site; response started.");
                break;
        }

        List<Guid> participants = [];
        if (plan.Led)
        {
            var minimum = GradedResponse.Default.MinimumLeadLevel(severity);
            var leads = _governments.Where(o => o.Level >= minimum).ToList();
            var lead = leads[random.Next(leads.Count)];
            participants.Add(lead.Id);
            Record("SetIncidentLead", typeof(Incident), coordinator, _coordinatorOrganisation, start + TimeSpan.FromMinutes(15), db =>
            {
                db.Incidents.Attach(incident);
                incident.AssignLead(lead.Id, lead.Name, lead.Kind, lead.Level, GradedResponse.Default);
                db.IncidentParticipants.Add(Keep(_batch.Participants, IncidentParticipant.Admit(incident.Id, lead.Id, "Leads the response", coordinator, start + TimeSpan.FromMinutes(15))));
            });
            while (participants.Count < plan.Participants)
            {
                var organisation = registry.Organisations[random.Next(registry.Organisations.Count)].Id;
                if (participants.Contains(organisation))
                {
                    continue;
                }

                participants.Add(organisation);
                var admitted = start + TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(participants.Count);
                Record("AdmitParticipant", typeof(IncidentParticipant), coordinator, _coordinatorOrganisation, admitted, db =>
                    db.IncidentParticipants.Add(Keep(_batch.Participants, IncidentParticipant.Admit(incident.Id, organisation, "Brought in by the coordinator", coordinator, admitted))));
            }
        }

        // The work, spread evenly over the incident's life so far; recovery starts half-way, closing ends it.
        List<char> work = [.. Enumerable.Repeat('t', plan.Tasks), .. Enumerable.Repeat('s', plan.SitReps), .. Enumerable.Repeat('l', plan.LogEntries)];
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(work));
        var from = start + TimeSpan.FromMinutes(30);
        var step = (end - from) / (work.Count + 2);
        var recovering = plan.State is IncidentState.Recovery or IncidentState.Closed;
        for (var i = 0; i < work.Count; i++)
        {
            var when = from + (step * (i + 1));
            if (recovering && i == work.Count / 2)
            {
                Move(IncidentState.Recovery, when, Recovery);
                recovering = false;
            }

            var organisation = participants[random.Next(participants.Count)];
            var staff = registry.StaffOf[organisation];
            switch (work[i])
            {
                case 't':
                    var assignee = participants.Count > 1 ? participants[1 + random.Next(participants.Count - 1)] : organisation;
                    Record("CreateTask", typeof(IncidentTask), coordinator, _coordinatorOrganisation, when, db =>
                    {
                        var task = Keep(_batch.Tasks, IncidentTask.Create(
                            incident.Id, Texts.Task(random), "", incident.State.Phase(), null, (TaskPriority)random.Next(4), null, [], coordinator, when));
                        AssignableTasks.Add((task.Id, assignee));
                        db.Tasks.Add(task);
                    });
                    break;
                case 's':
                    Record("SubmitSituationReport", typeof(SituationReport), staff, organisation, when, db =>
                        db.SituationReports.Add(Keep(_batch.SitReps, SituationReport.Submit(
                            incident.Id, organisation, staff, Texts.SitRep(random), random.Next(3), random.Next(5_000), "Drinking water, blankets", "Evacuated two streets", "Reinforce the levee", when))));
                    break;
                default:
                    Record("PostLogEntry", typeof(LogEntry), staff, organisation, when, db =>
                        db.LogEntries.Add(Keep(_batch.LogEntries, LogEntry.Post(incident.Id, organisation, staff, Texts.LogLine(random), when))));
                    break;
            }
        }

        if (recovering)
        {
            Move(IncidentState.Recovery, from + (step * (work.Count + 1)), Recovery);
        }

        if (plan.State == IncidentState.Closed)
        {
            Move(IncidentState.Closed, end, "Recovery objectives met; incident closed.");
        }

        _batch.Incidents.Add(incident);
        if (plan.State == IncidentState.Response)
        {
            Responding.Add((incident.Id, events));
        }
        if (plan.Busiest)
        {
            Busiest = incident.Id;
            BusiestEvents = events;
        }
    }

    private const string Recovery = "Search and rescue completed; recovery begins.";

    private static T Keep<T>(List<T> rows, T row)
    {
        rows.Add(row);
        return row;
    }

    private async Task CopyAsync(NpgsqlDataSource source, Batch batch, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await new BulkCopy<Incident>(history.Model).WriteAsync(connection, batch.Incidents, ct);
        await new BulkCopy<IncidentParticipant>(history.Model).WriteAsync(connection, batch.Participants, ct);
        await new BulkCopy<IncidentTask>(history.Model).WriteAsync(connection, batch.Tasks, ct);
        await new BulkCopy<SituationReport>(history.Model).WriteAsync(connection, batch.SitReps, ct);
        await new BulkCopy<LogEntry>(history.Model).WriteAsync(connection, batch.LogEntries, ct);
        await new BulkCopy<TimelineEvent>(history.Model).WriteAsync(connection, batch.Events, ct);
        await transaction.CommitAsync(ct);
        EventsWritten += batch.Events.Count;
        await Console.Error.WriteLineAsync($"  {EventsWritten:N0} incident events written");
    }

    private sealed class Batch
    {
        public List<Incident> Incidents { get; } = [];

        public List<IncidentParticipant> Participants { get; } = [];

        public List<IncidentTask> Tasks { get; } = [];

        public List<SituationReport> SitReps { get; } = [];

        public List<LogEntry> LogEntries { get; } = [];

        public List<TimelineEvent> Events { get; } = [];
    }
}
