using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
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
    public Phrase Bound(Obligation obligation) => obligation switch
    {
        Obligation.AcknowledgeTask => new Phrase("Obligation.Bound.AcknowledgeTask", "{0} in response, {1} otherwise", Span(AcknowledgeTaskInResponse), Span(AcknowledgeTask)),
        Obligation.SubmitSitRep => new Phrase("Obligation.Bound.SubmitSitRep", "every {0} (lead: every {1})", Span(SituationReportEvery), Span(LeadSituationReportEvery)),
        Obligation.AnswerResourceRequest => Span(AnswerResourceRequest),
        Obligation.ConfirmInventory => new Phrase("Obligation.Bound.ConfirmInventory", "every {0}", Span(ConfirmInventoryEvery)),
        Obligation.SetObjectives => new Phrase("Obligation.Bound.SetObjectives", "{0} after the phase starts", Span(SetObjectivesWithin)),
        _ => throw new ArgumentOutOfRangeException(nameof(obligation), obligation, null),
    };

    /// <summary>An assigned task must be accepted or declined within the bound of the incident's state.</summary>
    public OpenObligation AcknowledgeTaskOf(Guid taskId, string taskTitle, Guid incidentId, Guid assignee, DateTimeOffset assignedAt, IncidentState incidentState) =>
        new(Obligation.AcknowledgeTask, assignee, incidentId, taskId, new Phrase("Obligation.Subject.AcknowledgeTask", "Accept or decline the task \"{0}\"", taskTitle), assignedAt,
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
            isLead
                ? new Phrase("Obligation.Subject.LeadSituationReport", "Situation report as lead, every {0}", Span(every))
                : new Phrase("Obligation.Subject.SituationReport", "Situation report, every {0}", Span(every)),
            since,
            since + every);
    }

    /// <summary>
    /// A registered resource must be re-confirmed a period after it was last confirmed — but not before the
    /// organisation's first active response began (<paramref name="respondingSince"/>): stock confirmed long
    /// before the crisis is due the moment the response starts, not retroactively. The resource is named by its
    /// type and place ("Blanket", "Red Cross depot"), each of which may have a version in the reader's language.
    /// </summary>
    public OpenObligation ConfirmInventoryOf(
        Guid resourceId, string typeName, string placeName, Guid organisation, DateTimeOffset lastConfirmedAt, DateTimeOffset respondingSince) =>
        new(Obligation.ConfirmInventory, organisation, null, resourceId, new Phrase("Obligation.Subject.ConfirmInventory", "Confirm the inventory of {0} at {1}", typeName, placeName),
            lastConfirmedAt, Latest(lastConfirmedAt + ConfirmInventoryEvery, respondingSince));

    /// <summary>An organisation asked to answer a resource request answers (offers or declines) within the bound.</summary>
    public OpenObligation AnswerResourceRequestOf(Guid requestId, Need wanted, Guid incidentId, Guid organisation, DateTimeOffset askedAt) =>
        new(Obligation.AnswerResourceRequest, organisation, incidentId, requestId, new Phrase("Obligation.Subject.AnswerResourceRequest", "Answer the request for {0}", wanted),
            askedAt, askedAt + AnswerResourceRequest);

    /// <summary>The lead sets the objectives of the phase the incident is in.</summary>
    public OpenObligation SetObjectivesOf(Guid incidentId, Guid lead, Phases phase, DateTimeOffset phaseStartedAt) =>
        new(Obligation.SetObjectives, lead, incidentId, incidentId, new Phrase("Obligation.Subject.SetObjectives", "Set objectives for the {0} phase", new Term(phase, Lower: true)),
            phaseStartedAt, phaseStartedAt + SetObjectivesWithin);

    /// <summary>"30 min", "4 h", "1 h 30 min", "2 d".</summary>
    public static Phrase Span(TimeSpan span)
    {
        if (span.TotalDays >= 2 && span.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return new Phrase("Obligation.Span.Days", "{0} d", (int)span.TotalDays);
        }

        var hours = (int)span.TotalHours;
        return (hours, span.Minutes) switch
        {
            (0, var m) => new Phrase("Obligation.Span.Minutes", "{0} min", m),
            (var h, 0) => new Phrase("Obligation.Span.Hours", "{0} h", h),
            var (h, m) => new Phrase("Obligation.Span.HoursMinutes", "{0} h {1} min", h, m),
        };
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
