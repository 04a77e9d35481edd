using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>An incident's assessments and their sums, with what the reader may do (record one, turn needs into requests and tasks).</summary>
public sealed record AssessmentsView(Guid IncidentId, string IncidentTitle, AssessmentTotals Totals, IReadOnlyList<AssessmentDto> Assessments, Capabilities Capabilities);

/// <summary>The incident's damage and needs assessments, newest first, with the totals per area and for the incident.</summary>
[Performs(Act.ViewAssessments)]
public sealed record ListDamageAssessmentsQuery(Guid IncidentId) : IQuery<AssessmentsView>, IIncidentMessage;

public sealed class ListDamageAssessmentsQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<ListDamageAssessmentsQuery, AssessmentsView>
{
    public async ValueTask<AssessmentsView> Handle(ListDamageAssessmentsQuery query, CancellationToken cancellationToken)
    {
        var title = await db.Incidents.Where(i => i.Id == query.IncidentId).Select(i => i.Title).SingleAsync(cancellationToken);
        var assessments = await AssessmentDto.LoadAsync(db, query.IncidentId, null, cancellationToken);
        var totals = await GetAssessmentTotalsQueryHandler.SumAsync(db, query.IncidentId, cancellationToken);
        var capabilities = await access.CapabilitiesAsync(SubjectKind.Incident, query.IncidentId, cancellationToken);
        return new AssessmentsView(query.IncidentId, title, totals, assessments, capabilities);
    }
}
