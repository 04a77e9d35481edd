using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

public sealed record GetIncidentQuery(Guid Id) : IQuery<IncidentDto>;

public sealed class GetIncidentQueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetIncidentQuery, IncidentDto>
{
    public async ValueTask<IncidentDto> Handle(GetIncidentQuery query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking()
            .Where(x => x.Id == query.Id)
            .Select(IncidentDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Incident", query.Id);
        return (await IncidentAccess.DetailShownAsync(db, user, [incident.Id], cancellationToken)).Contains(incident.Id)
            ? incident
            : incident.WithoutDetail();
    }
}
