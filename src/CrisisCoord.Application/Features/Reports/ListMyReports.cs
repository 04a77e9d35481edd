using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reports;

/// <summary>
/// The reporter's own reports, newest first, and what became of each: waiting to be verified, verified, merged into
/// another incident (with it, if they may open it), or dismissed with the reason.
/// </summary>
[Performs(Act.ViewOwnReports)]
public sealed record ListMyReportsQuery : IQuery<IReadOnlyList<MyReportDto>>
{
    public const int Shown = 100;
}

/// <summary>
/// One of the reporter's reports: <c>Title</c> as it was reported; <c>Reason</c> why it was dismissed or merged, as the
/// coordinator said ("" otherwise); <c>IncidentId</c>, <c>IncidentTitle</c> and <c>IncidentState</c> describe the
/// incident it is part of now (its own, or the one it was merged into); <c>MayOpen</c>: whether the reporter may open it.
/// </summary>
public sealed record MyReportDto(
    Guid Id,
    Guid FirstIncidentId,
    string Title,
    DateTimeOffset ReportedAt,
    ReportOutcome Outcome,
    DateTimeOffset OutcomeAt,
    string Reason,
    Guid IncidentId,
    string IncidentTitle,
    IncidentState IncidentState,
    bool MayOpen,
    int Photos);

public sealed class ListMyReportsQueryHandler(AppDbContext db, ICurrentUser user, AccessPolicy access) : IQueryHandler<ListMyReportsQuery, IReadOnlyList<MyReportDto>>
{
    public async ValueTask<IReadOnlyList<MyReportDto>> Handle(ListMyReportsQuery query, CancellationToken cancellationToken)
    {
        var me = user.UserId!.Value;
        var rows = await db.IncidentReports.AsNoTracking()
            .Where(r => r.ReporterUserId == me)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
            .Take(ListMyReportsQuery.Shown)
            .Select(r => new
            {
                r.Id,
                r.FirstIncidentId,
                r.ReportedAt,
                First = db.Incidents.Where(i => i.Id == r.FirstIncidentId).Select(i => new { i.Title, i.State, i.StateReason, i.StateChangedAt }).First(),
                r.IncidentId,
                Now = db.Incidents.Where(i => i.Id == r.IncidentId).Select(i => new { i.Title, i.State }).First(),
                Photos = db.ReportPhotos.Count(p => p.ReportId == r.Id),
            })
            .ToListAsync(cancellationToken);
        var decide = await access.DeciderAsync(cancellationToken);
        var facts = await access.IncidentFactsAsync([.. rows.Select(r => r.IncidentId)], cancellationToken);
        return [.. rows.Select(r =>
        {
            var outcome = ReportOutcomes.Of(r.First.State);
            return new MyReportDto(
                r.Id,
                r.FirstIncidentId,
                r.First.Title,
                r.ReportedAt,
                outcome,
                outcome == ReportOutcome.Reported ? r.ReportedAt : r.First.StateChangedAt,
                outcome is ReportOutcome.Dismissed or ReportOutcome.Merged ? r.First.StateReason : "",
                r.IncidentId,
                r.Now.Title,
                r.Now.State,
                decide(new Subject(SubjectKind.Incident, r.IncidentId) { Incident = facts[r.IncidentId] }).Can(Act.ViewIncident),
                r.Photos);
        })];
    }
}
