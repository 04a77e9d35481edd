using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Memberships;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.Application.Features.Dashboard;

/// <summary>
/// What a signed-in person needs first, computed from the data as it is now: how many incidents are open (by state
/// and severity, counted by the database), the first page of each list (open incidents, escalations required,
/// overdue obligations, balance warnings), their organisation's tasks and the requests it can answer. The map is
/// not here: it asks <see cref="GetIncidentMapQuery"/> for the view it shows. Each list pages by keyset from its own
/// cursor, so a crisis of thousands of incidents costs the same few queries as a quiet day (ADR 0028).
/// Coordinators, auditors and administrators see every organisation's obligations and every incident's warnings;
/// others see their own organisation's and the incidents they take part in.
/// </summary>
[Performs(Act.ViewOwnWork)]
public sealed record GetDashboardQuery : IQuery<DashboardDto>
{
    /// <summary>The open incidents' <c>nextCursor</c> from the page before.</summary>
    public string? IncidentsAfter { get; init; }

    /// <summary>The escalations' <c>nextCursor</c> from the page before.</summary>
    public string? EscalationsAfter { get; init; }

    /// <summary>The overdue obligations' <c>nextCursor</c> from the page before.</summary>
    public string? OverdueAfter { get; init; }

    /// <summary>The balance warnings' <c>nextCursor</c> from the page before.</summary>
    public string? WarningsAfter { get; init; }
}

public sealed record DashboardDto(
    DateTimeOffset AsOf,
    bool AllOrganisations,
    DashboardSummaryDto Summary,
    DashboardPage<DashboardIncidentDto> OpenIncidents,
    DashboardPage<DashboardIncidentDto> Escalations,
    DashboardPage<ObligationDto> OverdueObligations,
    IReadOnlyList<ObligationDto> UpcomingObligations,
    DashboardPage<BalanceWarningDto> BalanceWarnings,
    IReadOnlyList<TaskDto> MyTasks,
    IReadOnlyList<ResourceRequestDto> RequestsForMyOrganisation,
    IReadOnlyList<MembershipRequestDto> MyMembershipRequests)
{
    /// <summary>False for a private citizen, who acts for no organisation until a group admits them.</summary>
    public bool ActsForAnOrganisation { get; init; } = true;
}

/// <param name="OpenIncidents">Open incidents the reader may see.</param>
/// <param name="ByState">Of those, how many in each open state.</param>
/// <param name="BySeverity">Of those, how many of each grade (reports not graded yet are in none).</param>
/// <param name="AwaitingGrade">Of those, how many reports wait for a verifier to grade them.</param>
/// <param name="Escalations">Of those, how many need a lead of higher level.</param>
/// <param name="OverdueObligations">Overdue obligations the reader is shown.</param>
/// <param name="BalanceWarnings">Balance warnings of the incidents whose detail the reader sees.</param>
/// <param name="MyTasks">Unfinished tasks given to the reader's organisation.</param>
/// <param name="Extent">Where the open incidents lie, for the map's first view; null when none is open.</param>
public sealed record DashboardSummaryDto(
    int OpenIncidents,
    IReadOnlyList<CountDto> ByState,
    IReadOnlyList<CountDto> BySeverity,
    int AwaitingGrade,
    int Escalations,
    int OverdueObligations,
    int BalanceWarnings,
    int MyTasks,
    MapBoundsDto? Extent);

public sealed record CountDto(string Name, int Count);

/// <summary>One page of a dashboard list: its rows, how many it has in all, and the cursor of the next page (null on the last).</summary>
public sealed record DashboardPage<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

/// <summary>An open incident's public summary, as the dashboard lists it.</summary>
public sealed record DashboardIncidentDto(
    Guid Id,
    string Title,
    Severity Severity,
    IncidentState State,
    string PlaceName,
    DateTimeOffset ReportedAt,
    bool EscalationRequired,
    bool AwaitingGrade)
{
    /// <summary>The grade to show: none while the report waits for a verifier (it ranks as IV meanwhile).</summary>
    public Severity? Grade => AwaitingGrade ? null : Severity;

    /// <summary>What the reader may do to the incident; on escalations, where the page offers to hand over the lead.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }
}

/// <summary>
/// An incident whose work is concentrated in one organisation or left without an owner, and why: said in the reader's
/// language each time it is read (<see cref="Warnings"/>), since the balances are computed once for every reader (SharedReads).
/// </summary>
public sealed record BalanceWarningDto(Guid IncidentId, string IncidentTitle, Severity Severity, [property: JsonIgnore] IReadOnlyList<Phrase> WarningPhrases)
{
    public IReadOnlyList<string> Warnings => [.. WarningPhrases.Select(w => w.Say())];
}

/// <summary>
/// Where a page of incidents ended, gravest first and newest first within a grade: the last row's grade, time and id.
/// </summary>
public readonly record struct GravestFirstCursor(Severity Severity, DateTimeOffset ReportedAt, Guid Id)
{
    public string Encode() =>
        CursorText.Encode(Severity.ToString(), ReportedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryDecode(string? text, out GravestFirstCursor cursor)
    {
        cursor = default;
        if (CursorText.Decode(text, 3) is not [var severityText, var ticksText, var idText]
            || !EnumText.TryParse<Severity>(severityText, out var severity)
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(idText, "N", out var id))
        {
            return false;
        }

        cursor = new GravestFirstCursor(severity, new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    /// <summary>The same order in memory, for lists computed rather than read (balance warnings).</summary>
    public static int Compare(GravestFirstCursor a, GravestFirstCursor b) =>
        a.Severity != b.Severity ? a.Severity.CompareTo(b.Severity)
        : a.ReportedAt != b.ReportedAt ? b.ReportedAt.CompareTo(a.ReportedAt)
        : b.Id.CompareTo(a.Id);
}

/// <summary>Where a page of obligations ended, soonest due first: the last row's due time and what it was.</summary>
public readonly record struct ObligationCursor(DateTimeOffset DueAt, Obligation Obligation, Guid SubjectId, Guid OrganisationId)
{
    public static ObligationCursor Of(ObligationDto o) => new(o.DueAt, o.Obligation, o.SubjectId, o.OrganisationId);

    // The obligation by number: the cursor must fit CursorText's length, and clients never read it.
    public string Encode() => CursorText.Encode(
        DueAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ((int)Obligation).ToString(CultureInfo.InvariantCulture), SubjectId.ToString("N"), OrganisationId.ToString("N"));

    public static bool TryDecode(string? text, out ObligationCursor cursor)
    {
        cursor = default;
        if (CursorText.Decode(text, 4) is not [var ticksText, var obligationText, var subjectText, var organisationText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !int.TryParse(obligationText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !Enum.IsDefined((Obligation)number)
            || !Guid.TryParseExact(subjectText, "N", out var subject)
            || !Guid.TryParseExact(organisationText, "N", out var organisation))
        {
            return false;
        }

        cursor = new ObligationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), (Obligation)number, subject, organisation);
        return true;
    }

    public static int Compare(ObligationCursor a, ObligationCursor b) =>
        a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt)
        : a.Obligation != b.Obligation ? a.Obligation.CompareTo(b.Obligation)
        : a.SubjectId != b.SubjectId ? a.SubjectId.CompareTo(b.SubjectId)
        : a.OrganisationId.CompareTo(b.OrganisationId);
}

/// <summary>An incident's public summary with its grade as a number (I = 1, the gravest), for SQL to order and group by.</summary>
public sealed class RankedIncident
{
    /// <summary>
    /// Grades are stored by name; their order is said here outright rather than left to how Roman numerals sort as text.
    /// The number is the grade's value in <see cref="Severity"/>.
    /// </summary>
    public static readonly Expression<Func<Incident, RankedIncident>> Projection = i => new RankedIncident
    {
        Id = i.Id,
        Title = i.Title,
        Severity = i.Severity,
        Grade = i.Severity == Severity.I ? 1 : i.Severity == Severity.II ? 2 : i.Severity == Severity.III ? 3 : 4,
        State = i.State,
        PlaceName = i.PlaceName,
        Latitude = i.Latitude,
        Longitude = i.Longitude,
        ReportedAt = i.ReportedAt,
        EscalationRequired = i.EscalationRequired,
        AwaitingGrade = i.AwaitingGrade,
    };

    /// <summary>
    /// The index this order reads: the grade written exactly as the projection's SQL writes it, so PostgreSQL reads the
    /// first page in order instead of sorting every open incident. A test holds the query to it.
    /// </summary>
    public const string GravestFirstIndex = "ix_incidents_grade_reported_at_id";

    public const string CreateGravestFirstIndex =
        "CREATE INDEX " + GravestFirstIndex + " ON incidents "
        + "((CASE WHEN severity = 'I' THEN 1 WHEN severity = 'II' THEN 2 WHEN severity = 'III' THEN 3 ELSE 4 END), reported_at DESC, id DESC)";

    /// <summary>Gravest first, newest first within a grade: the order of every list of open incidents on the dashboard.</summary>
    public static IOrderedQueryable<RankedIncident> GravestFirst(IQueryable<RankedIncident> rows) =>
        rows.OrderBy(r => r.Grade).ThenByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id);

    public Guid Id { get; init; }

    public string Title { get; init; } = "";

    public Severity Severity { get; init; }

    public int Grade { get; init; }

    public IncidentState State { get; init; }

    public string PlaceName { get; init; } = "";

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public DateTimeOffset ReportedAt { get; init; }

    public bool EscalationRequired { get; init; }

    public bool AwaitingGrade { get; init; }

    public DashboardIncidentDto ToDto() => new(Id, Title, Severity, State, PlaceName, ReportedAt, EscalationRequired, AwaitingGrade);
}

public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    public GetDashboardQueryValidator()
    {
        Cursor(x => x.IncidentsAfter, text => GravestFirstCursor.TryDecode(text, out _));
        Cursor(x => x.EscalationsAfter, text => GravestFirstCursor.TryDecode(text, out _));
        Cursor(x => x.OverdueAfter, text => ObligationCursor.TryDecode(text, out _));
        Cursor(x => x.WarningsAfter, text => GravestFirstCursor.TryDecode(text, out _));
    }

    private void Cursor(Expression<Func<GetDashboardQuery, string?>> field, Func<string, bool> decodes) =>
        RuleFor(field).Must(text => string.IsNullOrEmpty(text) || decodes(text)).WithMessage(_ => CursorText.InvalidMessage);
}

public sealed class GetDashboardQueryHandler(
    AppDbContext db,
    AccessPolicy access,
    AccessRules rules,
    ICurrentUser user,
    ObligationRules obligationRules,
    SharedReads shared,
    BalanceRules balanceRules,
    TimeProvider clock)
    : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public const int IncidentsShown = 25;
    public const int EscalationsShown = 10;
    public const int ObligationsShown = 25;
    public const int UpcomingShown = 10;
    public const int WarningsShown = 20;
    public const int TasksShown = 20;

    private static readonly TaskState[] Unfinished = [TaskState.Assigned, TaskState.Accepted, TaskState.InProgress];

    private const string EveryObligationKey = "dashboard:obligations";
    private const string EveryBalanceKey = "dashboard:balance";

    /// <summary>Every organisation's open obligations, for <see cref="SharedReads"/>.</summary>
    private static Task<ObligationList> EveryObligationAsync(IServiceProvider services, DateTimeOffset now) =>
        ObligationLists.ListAsync(
            services.GetRequiredService<AppDbContext>(), services.GetRequiredService<ObligationRules>(), now, ObligationScope.Everyone, CancellationToken.None);

    /// <summary>The balance of every open incident past its report, for <see cref="SharedReads"/>.</summary>
    private static Task<IReadOnlyList<IncidentBalance>> EveryBalanceAsync(IServiceProvider services, DateTimeOffset now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        return GetIncidentBalanceQueryHandler.ReportsAsync(
            db,
            db.Incidents.Where(i => IncidentStateMachine.OpenStates.Contains(i.State) && i.State != IncidentState.Reported),
            state => state.Phase(),
            services.GetRequiredService<BalanceRules>(),
            now,
            CancellationToken.None);
    }

    /// <summary>Open incidents counted by what the dashboard sums them by, with where they lie.</summary>
    private sealed record OpenCount(
        IncidentState State, Severity Severity, bool EscalationRequired, bool AwaitingGrade, int Count, double South, double North, double West, double East);

    /// <summary>The open incidents' counts and the pages of the two lists asked for.</summary>
    private sealed record OpenOverview(IReadOnlyList<OpenCount> Counts, DashboardPage<DashboardIncidentDto> Incidents, DashboardPage<DashboardIncidentDto> Escalations);

    private const string EveryOpenIncidentKey = "dashboard:open";
    private const string EveryOpenIncidentFactsKey = "dashboard:facts";

    /// <summary>What the rules read of every open incident, for <see cref="SharedReads"/>.</summary>
    private static async Task<IReadOnlyDictionary<Guid, IncidentFacts>> EveryOpenIncidentFactsAsync(IServiceProvider services, DateTimeOffset now) =>
        await services.GetRequiredService<Subjects>().OpenIncidentsAsync(CancellationToken.None);

    /// <summary>The first view of every open incident, for <see cref="SharedReads"/>: the same for every reader who finds them all.</summary>
    private static Task<OpenOverview> EveryOpenIncidentAsync(IServiceProvider services, DateTimeOffset now) =>
        OverviewAsync(OpenOf(services.GetRequiredService<AppDbContext>().Incidents.AsNoTracking()), null, null, CancellationToken.None);

    private static IQueryable<Incident> OpenOf(IQueryable<Incident> incidents) => incidents.Where(i => IncidentStateMachine.OpenStates.Contains(i.State));

    /// <summary>The numbers from one grouped count; the lists read only the page they show.</summary>
    private static async Task<OpenOverview> OverviewAsync(IQueryable<Incident> open, string? incidentsAfter, string? escalationsAfter, CancellationToken ct)
    {
        var counts = await open
            .GroupBy(i => new { i.State, i.Severity, i.EscalationRequired, i.AwaitingGrade })
            .Select(g => new OpenCount(
                g.Key.State,
                g.Key.Severity,
                g.Key.EscalationRequired,
                g.Key.AwaitingGrade,
                g.Count(),
                g.Min(i => i.Latitude),
                g.Max(i => i.Latitude),
                g.Min(i => i.Longitude),
                g.Max(i => i.Longitude)))
            .ToListAsync(ct);
        var openCount = counts.Sum(c => c.Count);
        var escalationCount = counts.Where(c => c.EscalationRequired).Sum(c => c.Count);
        return new OpenOverview(
            counts,
            openCount == 0 ? Empty<DashboardIncidentDto>() : await PageAsync(open, openCount, incidentsAfter, IncidentsShown, ct),
            escalationCount == 0 ? Empty<DashboardIncidentDto>() : await PageAsync(open.Where(i => i.EscalationRequired), escalationCount, escalationsAfter, EscalationsShown, ct));
    }

    public async ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var now = clock.GetUtcNow();
        var organisation = user.OrganisationId;
        var reader = await access.ReaderAsync(ct);
        var everyone = AccessRules.OverseesObligations(reader);
        var open = OpenOf(rules.IncidentsShown(db.Incidents.AsNoTracking(), db.IncidentParticipants, db.IncidentReports, reader));

        // Readers who find every incident share its first view; a later page, or a narrower view, is read for the reader.
        var (counts, incidents, escalations) = rules.ShowsEveryIncident(reader) && query.IncidentsAfter is null && query.EscalationsAfter is null
            ? await shared.GetAsync(EveryOpenIncidentKey, now, EveryOpenIncidentAsync, ct)
            : await OverviewAsync(open, query.IncidentsAfter, query.EscalationsAfter, ct);
        var openCount = counts.Sum(c => c.Count);

        // Warnings and an incident's obligations belong to its detail. An overseer's shared reads are narrowed to the
        // open incidents whose detail they see (obligations arise only in open incidents), decided by the detail rule
        // over every open incident's facts, themselves read once for all readers, and only for the incidents the lists
        // name (each once); others' are read for them alone.
        var openFacts = everyone && openCount > 0 ? await shared.GetAsync(EveryOpenIncidentFactsKey, now, EveryOpenIncidentFactsAsync, ct) : null;
        var decided = new Dictionary<Guid, bool>();
        bool DetailShown(Guid incident)
        {
            if (!decided.TryGetValue(incident, out var shown))
            {
                decided[incident] = shown = openFacts is not null && openFacts.TryGetValue(incident, out var facts) && rules.SeesDetail(reader, facts);
            }

            return shown;
        }

        var balanced = rules.WithDetailShown(open.Where(i => i.State != IncidentState.Reported), db.IncidentParticipants, db.IncidentReports, reader);
        IReadOnlyList<IncidentBalance> balances = openCount == 0 ? []
            : everyone ? [.. (await shared.GetAsync(EveryBalanceKey, now, EveryBalanceAsync, ct)).Where(b => b.Report.Warnings.Count > 0 && DetailShown(b.IncidentId))]
            : await GetIncidentBalanceQueryHandler.ReportsAsync(db, balanced, state => state.Phase(), balanceRules, now, ct);

        // Every organisation's obligations (an overseer's) are shared between readers; each reader's rows are decided below.
        var obligations = everyone ? await shared.GetAsync(EveryObligationKey, now, EveryObligationAsync, ct)
            : organisation is not null ? await ObligationLists.ListAsync(db, obligationRules, now, new ObligationScope(OrganisationId: organisation), ct)
            : new ObligationList(now, []);

        // A private citizen has no organisation, so no tasks: never a query for unassigned ones.
        IReadOnlyList<TaskDto> myTasks = organisation is not { } assignee ? [] : await MyTasks(assignee)
            .OrderBy(t => t.State).ThenByDescending(t => t.Priority).ThenBy(t => t.DueAt ?? DateTimeOffset.MaxValue)
            .Take(TasksShown)
            .Select(TaskDto.Projection(db))
            .ToListAsync(ct);
        var myTaskCount = myTasks.Count < TasksShown ? myTasks.Count : await MyTasks(organisation!.Value).CountAsync(ct);

        IReadOnlyList<ResourceRequestDto> requests = organisation is { } mine ? await RequestThreads.ForOrganisationAsync(db, mine, ct) : [];
        IReadOnlyList<MembershipRequestDto> memberships = organisation is not null ? [] : await db.MembershipRequests.AsNoTracking()
            .Where(m => m.UserId == user.UserId)
            .OrderByDescending(m => m.RequestedAt)
            .Select(MembershipRequestDto.Projection(db))
            .ToListAsync(ct);

        // One read of the facts the rules need, for every incident the lists name; the decisions below reuse it. An
        // overseer's obligations are decided by the detail read above, and thousands of others' by the database
        // (DetailShownAsync).
        List<Guid> obligationIncidents = everyone ? [] : [.. obligations.Items.Select(o => o.IncidentId).OfType<Guid>().Distinct()];
        var facts = await access.IncidentFactsAsync(
            [.. escalations.Items.Select(i => i.Id), .. requests.Select(r => r.IncidentId), .. obligationIncidents.Count > AccessPolicy.ManyIncidents ? [] : obligationIncidents],
            ct);
        var decide = await access.DeciderAsync(ct);
        escalations = escalations with
        {
            Items = [.. escalations.Items.Select(i => i with { Capabilities = decide(new Subject(SubjectKind.Incident, i.Id) { Incident = facts[i.Id] }) })],
        };
        var shownObligations = everyone ? obligations.Items.ShownWhereDetailIs(DetailShown) : (await obligations.ShownToReaderAsync(access, ct)).Items;
        requests = organisation is { } asked ? await requests.AsSeenByReaderAsync(access, asked, ct) : requests;

        var keys = balances.ToDictionary(b => b.IncidentId, b => new GravestFirstCursor(b.Severity, b.ReportedAt, b.IncidentId));
        var warnings = balances
            .Where(b => b.Report.Warnings.Count > 0)
            .Select(b => new BalanceWarningDto(b.IncidentId, b.Title, b.Severity, b.Report.Warnings))
            .OrderBy(w => keys[w.IncidentId], Comparer<GravestFirstCursor>.Create(GravestFirstCursor.Compare))
            .ToList();
        // Already soonest due first, the order ObligationCursor compares in (ObligationLists.ListAsync).
        var overdue = shownObligations.Where(o => o.Overdue);
        var overdueCount = overdue.Count();
        return new DashboardDto(
            now,
            everyone,
            new DashboardSummaryDto(
                openCount,
                [.. IncidentStateMachine.OpenStates.Select(s => new CountDto(s.ToString(), counts.Where(c => c.State == s).Sum(c => c.Count)))],
                [.. Enum.GetValues<Severity>().Select(s => new CountDto(s.ToString(), counts.Where(c => c.Severity == s && !c.AwaitingGrade).Sum(c => c.Count)))],
                counts.Where(c => c.AwaitingGrade).Sum(c => c.Count),
                escalations.Total,
                overdueCount,
                warnings.Sum(w => w.WarningPhrases.Count),
                myTaskCount,
                counts.Count == 0 ? null : new MapBoundsDto(counts.Min(c => c.West), counts.Min(c => c.South), counts.Max(c => c.East), counts.Max(c => c.North))),
            incidents,
            escalations,
            Page(overdue, overdueCount, ObligationCursor.Of, ObligationCursor.Compare, ObligationCursor.TryDecode(query.OverdueAfter, out var overdueAfter) ? overdueAfter : null, ObligationsShown, c => c.Encode()),
            [.. shownObligations.Where(o => !o.Overdue && o.OrganisationId == organisation).Take(UpcomingShown)],
            Page(warnings, warnings.Count, w => keys[w.IncidentId], GravestFirstCursor.Compare, GravestFirstCursor.TryDecode(query.WarningsAfter, out var warningsAfter) ? warningsAfter : null, WarningsShown, c => c.Encode()),
            myTasks,
            requests,
            memberships)
        {
            ActsForAnOrganisation = organisation is not null,
        };
    }

    private IQueryable<IncidentTask> MyTasks(Guid organisation) =>
        db.Tasks.AsNoTracking().Where(t => t.AssignedOrganisationId == organisation && Unfinished.Contains(t.State));

    /// <summary>A page of incidents gravest first, newest first within a grade, read by keyset from the cursor.</summary>
    private static async Task<DashboardPage<DashboardIncidentDto>> PageAsync(IQueryable<Incident> incidents, int total, string? after, int size, CancellationToken ct)
    {
        var rows = incidents.Select(RankedIncident.Projection);
        if (GravestFirstCursor.TryDecode(after, out var cursor))
        {
            var grade = (int)cursor.Severity;
            // Grades ascend and times descend: a later grade, or the same grade and an earlier (time, id) pair.
            rows = rows.Where(r => r.Grade > grade
                || (r.Grade == grade && EF.Functions.LessThan(ValueTuple.Create(r.ReportedAt, r.Id), ValueTuple.Create(cursor.ReportedAt, cursor.Id))));
        }

        var page = await RankedIncident.GravestFirst(rows)
            .Take(size + 1)
            .ToListAsync(ct);
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = new GravestFirstCursor(page[^1].Severity, page[^1].ReportedAt, page[^1].Id).Encode();
        }

        return new DashboardPage<DashboardIncidentDto>([.. page.Select(r => r.ToDto())], total, next);
    }

    /// <summary>
    /// A page of a list computed in memory and already in its keyset order (<paramref name="compare"/>), in the same
    /// terms as the lists read from the database: the rows after the cursor's, up to a page, of <paramref name="total"/> in all.
    /// </summary>
    private static DashboardPage<T> Page<T, TKey>(IEnumerable<T> ordered, int total, Func<T, TKey> key, Comparison<TKey> compare, TKey? after, int size, Func<TKey, string> encode)
        where TKey : struct
    {
        var rest = after is { } from ? ordered.SkipWhile(row => compare(key(row), from) <= 0) : ordered;
        var page = rest.Take(size + 1).ToList();
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = encode(key(page[^1]));
        }

        return new DashboardPage<T>(page, total, next);
    }

    private static DashboardPage<T> Empty<T>() => new([], 0, null);
}
