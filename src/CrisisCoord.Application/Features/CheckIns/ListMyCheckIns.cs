using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>The person's own check-ins, newest first; for one incident when named (the incident page's "your check-in").</summary>
[Performs(Act.ViewOwnCheckIns)]
public sealed record ListMyCheckInsQuery(Guid? IncidentId = null) : IQuery<IReadOnlyList<CheckInDto>>;

public sealed class ListMyCheckInsQueryHandler(AppDbContext db, ICurrentUser user, AccessPolicy access) : IQueryHandler<ListMyCheckInsQuery, IReadOnlyList<CheckInDto>>
{
    public async ValueTask<IReadOnlyList<CheckInDto>> Handle(ListMyCheckInsQuery query, CancellationToken cancellationToken)
    {
        var me = user.UserId!.Value;
        var mine = db.CheckIns.AsNoTracking().Where(c => c.UserId == me);
        if (query.IncidentId is { } incident)
        {
            mine = mine.Where(c => c.IncidentId == incident);
        }

        var rows = await mine.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id).Take(200).Select(CheckInDto.Projection(db)).ToListAsync(cancellationToken);
        return await rows.WithCapabilitiesAsync(access, cancellationToken);
    }
}
