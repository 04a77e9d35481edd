using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>Removes a link, from either of its incidents; both timelines record it.</summary>
[RecordedAs(typeof(IncidentLink))]
[Performs(Act.LinkIncidents)]
public sealed record UnlinkIncidentsCommand(Guid IncidentId, Guid LinkId) : ICommand<Unit>, IIncidentMessage;

public sealed class UnlinkIncidentsCommandHandler(AppDbContext db, TimelineRecorder timeline) : ICommandHandler<UnlinkIncidentsCommand, Unit>
{
    public async ValueTask<Unit> Handle(UnlinkIncidentsCommand command, CancellationToken cancellationToken)
    {
        var link = await db.IncidentLinks.SingleOrDefaultAsync(
                l => l.Id == command.LinkId && (l.IncidentId == command.IncidentId || l.RelatedIncidentId == command.IncidentId), cancellationToken)
            ?? throw new NotFoundException("Link", command.LinkId);
        db.IncidentLinks.Remove(link);
        timeline.AlsoRecordOn(link.IncidentId == command.IncidentId ? link.RelatedIncidentId : link.IncidentId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
