using System.Globalization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Domain.Obligations;

/// <summary>
/// The time bound of each obligation (DOMAIN "Charter: rights and obligations"); configurable per
/// deployment through <c>Obligations:*</c>. Which organisation owes an obligation in which phase is the
/// charter's business; how long it has is decided here.
/// </summary>
public sealed record ObligationRules
{
    public static readonly ObligationRules Default = new();

    /// <summary>Accept or decline an assigned task, while the incident is in response.</summary>
    public TimeSpan AcknowledgeTaskInResponse { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Accept or decline an assigned task, in any other phase.</summary>
    public TimeSpan AcknowledgeTask { get; init; } = TimeSpan.FromHours(4);

    /// <summary>A situation report from each organisation taking part in a response.</summary>
    public TimeSpan SituationReportEvery { get; init; } = TimeSpan.FromHours(12);

    /// <summary>A situation report from the lead organisation of a response.</summary>
    public TimeSpan LeadSituationReportEvery { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Answer a resource request addressed to the organisation.</summary>
    public TimeSpan AnswerResourceRequest { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Re-confirm each registered resource while an incident the organisation takes part in is in response.</summary>
    public TimeSpan ConfirmInventoryEvery { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The lead sets objectives for a phase within this time of the phase starting.</summary>
    public TimeSpan SetObjectivesWithin { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The bound as people read it, e.g. "30 min in response, 4 h otherwise".</summary>
    public string BoundText(Obligation obligation) => obligation switch
    {
        Obligation.AcknowledgeTask => $"{Span(AcknowledgeTaskInResponse)} in response, {Span(AcknowledgeTask)} otherwise",
        Obligation.SubmitSitRep => $"every {Span(SituationReportEvery)} (lead: every {Span(LeadSituationReportEvery)})",
        Obligation.AnswerResourceRequest => Span(AnswerResourceRequest),
        Obligation.ConfirmInventory => $"every {Span(ConfirmInventoryEvery)}",
        Obligation.SetObjectives => $"{Span(SetObjectivesWithin)} after the phase starts",
        _ => throw new ArgumentOutOfRangeException(nameof(obligation), obligation, null),
    };

    /// <summary>An assigned task must be accepted or declined within the bound of the incident's state.</summary>
    public OpenObligation AcknowledgeTaskOf(Guid taskId, string taskTitle, Guid incidentId, Guid assignee, DateTimeOffset assignedAt, IncidentState incidentState) =>
        new(Obligation.AcknowledgeTask, assignee, incidentId, taskId, $"Accept or decline the task \"{taskTitle}\"", assignedAt,
            assignedAt + (incidentState == IncidentState.Response ? AcknowledgeTaskInResponse : AcknowledgeTask));

    /// <summary>
    /// The next situation report of an organisation in a response: due a period after its last report, or
    /// after the later of the response starting and the organisation joining when it has not reported since.
    /// </summary>
    public OpenObligation SituationReportOf(
        Guid incidentId, Guid organisation, bool isLead, DateTimeOffset responseStartedAt, DateTimeOffset? joinedAt, DateTimeOffset? lastReportAt)
    {
        var since = Latest(responseStartedAt, joinedAt);
        since = lastReportAt is { } last && last > since ? last : since;
        var every = isLead ? LeadSituationReportEvery : SituationReportEvery;
        return new(Obligation.SubmitSitRep, organisation, incidentId, incidentId,
            isLead ? $"Situation report as lead, every {Span(every)}" : $"Situation report, every {Span(every)}", since, since + every);
    }

    /// <summary>
    /// A registered resource must be re-confirmed a period after it was last confirmed — but not before the
    /// organisation's first active response began (<paramref name="respondingSince"/>): stock confirmed long
    /// before the crisis is due the moment the response starts, not retroactively.
    /// </summary>
    public OpenObligation ConfirmInventoryOf(Guid resourceId, string resourceName, Guid organisation, DateTimeOffset lastConfirmedAt, DateTimeOffset respondingSince) =>
        new(Obligation.ConfirmInventory, organisation, null, resourceId, $"Confirm the inventory of {resourceName}", lastConfirmedAt,
            Latest(lastConfirmedAt + ConfirmInventoryEvery, respondingSince));

    /// <summary>An organisation asked to answer a resource request answers (offers or declines) within the bound.</summary>
    public OpenObligation AnswerResourceRequestOf(Guid requestId, string wanted, Guid incidentId, Guid organisation, DateTimeOffset askedAt) =>
        new(Obligation.AnswerResourceRequest, organisation, incidentId, requestId, $"Answer the request for {wanted}", askedAt, askedAt + AnswerResourceRequest);

    /// <summary>The lead sets the objectives of the phase the incident is in.</summary>
    public OpenObligation SetObjectivesOf(Guid incidentId, Guid lead, Phases phase, DateTimeOffset phaseStartedAt) =>
        new(Obligation.SetObjectives, lead, incidentId, incidentId, $"Set objectives for the {phase.ToString().ToLowerInvariant()} phase", phaseStartedAt, phaseStartedAt + SetObjectivesWithin);

    /// <summary>"30 min", "4 h", "1 h 30 min", "2 d".</summary>
    public static string Span(TimeSpan span)
    {
        if (span.TotalDays >= 2 && span.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} d");
        }

        var hours = (int)span.TotalHours;
        return (hours, span.Minutes) switch
        {
            (0, var m) => string.Create(CultureInfo.InvariantCulture, $"{m} min"),
            (var h, 0) => string.Create(CultureInfo.InvariantCulture, $"{h} h"),
            var (h, m) => string.Create(CultureInfo.InvariantCulture, $"{h} h {m} min"),
        };
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
