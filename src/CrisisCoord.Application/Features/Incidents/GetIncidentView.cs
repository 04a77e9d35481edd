using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Application.Features.Requests;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// The incident page in one read: the incident and what the reader may do to it, who takes part, and, for
/// those who see its detail, its objectives, reports, requests, obligations, balance and latest timeline.
/// Access is decided once, here, from the incident's facts.
/// </summary>
[Performs(Act.ViewIncident)]
public sealed record GetIncidentViewQuery(Guid Id) : IQuery<IncidentView>, IIncidentMessage
{
    public const int TimelineLength = 20;

    Guid IIncidentMessage.IncidentId => Id;
}

/// <param name="Incident">The incident, without its detail when the reader may not see it; its capabilities are the reader's.</param>
/// <param name="LeadName">The lead organisation's name, when there is a lead.</param>
/// <param name="LeadLevel">The lead organisation's level, when there is a lead.</param>
/// <param name="MinimumLeadLevel">The level the grade needs its lead to be at, or above.</param>
/// <param name="Participants">Who takes part and who asks to.</param>
/// <param name="Objectives">By phase; empty without the detail.</param>
/// <param name="Reporting">Situation reports and the shared log; null without the detail.</param>
/// <param name="Requests">Resource requests and unasked offers; null without the detail.</param>
/// <param name="Obligations">Who owes what now; null without the detail or once the incident is closed.</param>
/// <param name="Balance">The current phase's balance; null without the detail or once the incident is closed.</param>
/// <param name="Timeline">The latest events of the incident's chain, newest first; empty without the detail.</param>
public sealed record IncidentView(
    IncidentDto Incident,
    string? LeadName,
    AdministrativeLevel? LeadLevel,
    AdministrativeLevel MinimumLeadLevel,
    IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<ObjectiveDto> Objectives,
    IncidentReporting? Reporting,
    IncidentRequests? Requests,
    ObligationList? Obligations,
    IncidentBalanceDto? Balance,
    TimelineEventPage Timeline)
{
    public Capabilities Capabilities => Incident.Capabilities ?? Capabilities.None;

    /// <summary>The incident's public warnings the reader may see, newest first, each with its capabilities.</summary>
    public IReadOnlyList<WarningDto> Warnings { get; init; } = [];

    /// <summary>What it was merged into, what was merged into it, and the incidents linked to it.</summary>
    public IncidentRelations Relations { get; init; } = new(null, null, [], []);

    /// <summary>The reports that make it up (with merged duplicates'), their call-back numbers and photos; empty without the detail.</summary>
    public IReadOnlyList<IncidentReportDto> Reports { get; init; } = [];
}

public sealed class GetIncidentViewQueryHandler(
    AppDbContext db, AccessPolicy access, AccessRules rules, GradedResponse graded, ObligationRules obligationRules, BalanceRules balanceRules, TimeProvider clock)
    : IQueryHandler<GetIncidentViewQuery, IncidentView>
{
    public async ValueTask<IncidentView> Handle(GetIncidentViewQuery query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking()
            .Where(x => x.Id == query.Id)
            .Select(IncidentDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Incident", query.Id);
        // The incident the pipeline authorized this read on: its facts are not read again.
        var subject = await access.SubjectAsync(SubjectKind.Incident, query.Id, cancellationToken);
        var facts = subject.Incident!;
        var capabilities = await access.CapabilitiesAsync(subject, cancellationToken);
        var detail = capabilities.Can(Act.ViewIncidentDetail);
        incident = (detail ? incident : incident.WithoutDetail()) with { Capabilities = capabilities };

        var lead = incident.LeadOrganisationId is { } leadId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == leadId).Select(o => new { o.Name, o.Level }).SingleAsync(cancellationToken)
            : null;
        var participants = await ParticipantDto.ForIncidentAsync(db, query.Id, detail, cancellationToken);
        var warnings = await ListIncidentWarningsQueryHandler.ForIncidentAsync(db, access, query.Id, cancellationToken);
        if (!detail)
        {
            return new IncidentView(
                incident, lead?.Name, lead?.Level, graded.MinimumLeadLevel(incident.Severity), participants, [], null, null, null, null, new TimelineEventPage([], null))
            {
                Warnings = warnings,
                Relations = await IncidentRelations.LoadAsync(db, query.Id, detail: false, cancellationToken),
            };
        }

        var now = clock.GetUtcNow();
        var decide = await access.DeciderAsync(cancellationToken);
        var objectives = (await db.ObjectivesOfAsync(query.Id, cancellationToken))
            .Select(o => o with { Capabilities = decide(new Subject(SubjectKind.Objective, o.Id) { Incident = facts }) })
            .ToList();
        var open = incident.State.IsOpen();
        var obligations = open
            ? await ObligationLists.ListAsync(db, obligationRules, now, new ObligationScope(IncidentId: query.Id), cancellationToken)
            : null;
        var balance = open
            ? new IncidentBalanceDto(
                incident.Id,
                incident.State.Phase(),
                BalanceReportDto.Of(await GetIncidentBalanceQueryHandler.ReportAsync(db, incident, incident.State.Phase(), balanceRules, now, cancellationToken)))
            : null;
        var timeline = (await new ListTimelineEventsQuery { Chain = query.Id.ToString() }
            .PageAsync(db, rules, await access.ReaderAsync(cancellationToken), after: null, GetIncidentViewQuery.TimelineLength, cancellationToken))
            .ForReader();

        return new IncidentView(
            incident,
            lead?.Name,
            lead?.Level,
            graded.MinimumLeadLevel(incident.Severity),
            participants,
            objectives,
            await IncidentReporting.LoadAsync(db, query.Id, cancellationToken),
            await ThreadCapabilities.ForIncidentAsync(db, access, facts, cancellationToken),
            obligations,
            balance,
            timeline)
        {
            Warnings = warnings,
            Reports = await IncidentReportDto.ForIncidentAsync(db, query.Id, cancellationToken),
            Relations = await IncidentRelations.LoadAsync(db, query.Id, detail: true, cancellationToken),
        };
    }
}
