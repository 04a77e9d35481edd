using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

[Performs(Act.ViewIncident)]
public sealed record GetIncidentQuery(Guid Id) : IQuery<IncidentDto>, IIncidentMessage
{
    Guid IIncidentMessage.IncidentId => Id;
}

public sealed class GetIncidentQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetIncidentQuery, IncidentDto>
{
    public async ValueTask<IncidentDto> Handle(GetIncidentQuery query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking()
            .Where(x => x.Id == query.Id)
            .Select(IncidentDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Incident", query.Id);
        var capabilities = await access.CapabilitiesAsync(SubjectKind.Incident, query.Id, cancellationToken);
        return (capabilities.Can(Act.ViewIncidentDetail) ? incident : incident.WithoutDetail()) with { Capabilities = capabilities };
    }
}
