using System.Xml.Linq;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>The same for a whole incident: every request thread and every unsolicited offer (OfferUnsolicitedResource).</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ExportIncidentResourcesQuery(Guid IncidentId) : IQuery<XDocument>, IIncidentMessage;

public sealed class ExportIncidentResourcesQueryHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ExportIncidentResourcesQuery, XDocument>
{
    public async ValueTask<XDocument> Handle(ExportIncidentResourcesQuery query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == query.IncidentId).Select(i => new { i.Id, i.Title }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Incident", query.IncidentId);
        var threads = await RequestThreads.LoadAsync(db, db.ResourceRequests.Where(r => r.IncidentId == query.IncidentId), cancellationToken);
        var unsolicited = await RequestThreads.OffersAsync(db, db.ResourceOffers.Where(o => o.IncidentId == query.IncidentId && o.RequestId == null), cancellationToken);
        var commitments = await RequestThreads.CommitmentsAsync(db, db.ResourceCommitments.Where(c => c.IncidentId == query.IncidentId && c.RequestId == null), cancellationToken);
        var messages = threads.SelectMany(EdxlRm.Thread)
            .Concat(unsolicited.SelectMany(o => EdxlRm.Unsolicited(o, incident.Id, incident.Title, commitments.Where(c => c.OfferId == o.Id))))
            .OrderBy(m => m.Sent);
        return EdxlRm.Distribution($"crisiscoord:incident:{incident.Id}", clock.GetUtcNow(), messages);
    }
}
