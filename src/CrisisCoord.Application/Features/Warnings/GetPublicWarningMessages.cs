using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Warnings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// The CAP messages of a public, real warning, for anyone (no sign-in): its whole thread, including a Cancel,
/// so a reader learns it ended. Drafts, restricted and exercise warnings are not found here.
/// </summary>
[Performs(Act.ReadPublicWarnings)]
public sealed record GetPublicWarningMessagesQuery(Guid WarningId) : IQuery<WarningMessages>;

public sealed class GetPublicWarningMessagesQueryHandler(AppDbContext db) : IQueryHandler<GetPublicWarningMessagesQuery, WarningMessages>
{
    public async ValueTask<WarningMessages> Handle(GetPublicWarningMessagesQuery query, CancellationToken cancellationToken)
    {
        var isPublic = await db.Warnings.AsNoTracking().AnyAsync(
            w => w.Id == query.WarningId && w.State != WarningState.Draft && w.Scope == WarningScope.Public && w.Status == WarningStatus.Actual,
            cancellationToken);
        return isPublic
            ? await WarningMessages.LoadAsync(db, query.WarningId, cancellationToken)
            : throw new NotFoundException("Warning", query.WarningId);
    }
}
