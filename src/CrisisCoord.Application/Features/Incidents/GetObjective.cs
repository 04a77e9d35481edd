using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>One objective, with the incident it belongs to and what the reader may do to it.</summary>
[Performs(Act.ViewObjective)]
public sealed record GetObjectiveQuery(Guid Id) : IQuery<ObjectiveDto>, IObjectiveMessage
{
    Guid IObjectiveMessage.ObjectiveId => Id;
}

public sealed class GetObjectiveQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetObjectiveQuery, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(GetObjectiveQuery query, CancellationToken cancellationToken) =>
        ObjectiveDto.From(await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Objective", query.Id))
        with
        { Capabilities = await access.CapabilitiesAsync(SubjectKind.Objective, query.Id, cancellationToken) };
}
