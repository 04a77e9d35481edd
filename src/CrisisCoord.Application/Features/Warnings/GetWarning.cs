using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>The warning page in one read: the warning, what the reader may do to it, and every message it issued.</summary>
[Performs(Act.ViewWarning)]
public sealed record GetWarningQuery(Guid WarningId) : IQuery<WarningView>, IWarningMessage;

public sealed record WarningView(WarningDto Warning, WarningMessages Messages)
{
    public Capabilities Capabilities => Warning.Capabilities ?? Capabilities.None;
}

public sealed class GetWarningQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetWarningQuery, WarningView>
{
    public async ValueTask<WarningView> Handle(GetWarningQuery query, CancellationToken cancellationToken) => new(
        await db.ReadBackAsync(access, query.WarningId, cancellationToken),
        await WarningMessages.LoadAsync(db, query.WarningId, cancellationToken));
}
