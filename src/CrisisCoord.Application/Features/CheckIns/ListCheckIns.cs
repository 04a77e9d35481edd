using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.CheckIns;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>
/// An incident's check-ins for its coordinators: those needing help first (not yet handled before handled), then the
/// safe, newest first within each. Nobody else reads them.
/// </summary>
[Performs(Act.ViewCheckIns)]
public sealed record ListCheckInsQuery(Guid IncidentId, CheckInStatus? Status = null) : IQuery<IReadOnlyList<CheckInDto>>, IIncidentMessage;

public sealed class ListCheckInsQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<ListCheckInsQuery, IReadOnlyList<CheckInDto>>
{
    /// <summary>A crisis's worth on one map; beyond it the coordinators filter by status.</summary>
    public const int Limit = 2000;

    public async ValueTask<IReadOnlyList<CheckInDto>> Handle(ListCheckInsQuery query, CancellationToken cancellationToken)
    {
        var checkIns = db.CheckIns.AsNoTracking().Where(c => c.IncidentId == query.IncidentId);
        if (query.Status is { } status)
        {
            checkIns = checkIns.Where(c => c.Status == status);
        }

        var rows = await checkIns
            .OrderBy(c => c.Status == CheckInStatus.NeedsHelp ? 0 : 1)
            .ThenBy(c => c.TaskId == null ? 0 : 1)
            .ThenByDescending(c => c.UpdatedAt)
            .ThenBy(c => c.Id)
            .Take(Limit)
            .Select(CheckInDto.Projection(db))
            .ToListAsync(cancellationToken);
        return await rows.WithCapabilitiesAsync(access, cancellationToken);
    }
}
