using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>Every CAP message a warning issued, oldest first, for a signed-in reader who may see the warning.</summary>
[Performs(Act.ViewWarning)]
public sealed record GetWarningMessagesQuery(Guid WarningId) : IQuery<WarningMessages>, IWarningMessage;

public sealed class GetWarningMessagesQueryHandler(AppDbContext db) : IQueryHandler<GetWarningMessagesQuery, WarningMessages>
{
    public async ValueTask<WarningMessages> Handle(GetWarningMessagesQuery query, CancellationToken cancellationToken) =>
        await WarningMessages.LoadAsync(db, query.WarningId, cancellationToken);
}
