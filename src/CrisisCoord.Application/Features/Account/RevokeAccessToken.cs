using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>Revoke one of your own personal access tokens: the next request that sends it is refused.</summary>
[Performs(Act.ManageOwnAccessTokens)]
public sealed record RevokeAccessTokenCommand(Guid TokenId) : IRequest<Unit>;

public sealed class RevokeAccessTokenCommandHandler(AppDbContext db, ICurrentUser current, TimeProvider clock, SecurityLog log)
    : IRequestHandler<RevokeAccessTokenCommand, Unit>
{
    public async ValueTask<Unit> Handle(RevokeAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var me = current.UserId!.Value;
        var now = clock.GetUtcNow();
        // Someone else's token is not yours to know about: the same answer as one that does not exist. Revoking
        // one already revoked changes nothing and says so the same way.
        var revoked = await db.PersonalAccessTokens
            .Where(t => t.Id == command.TokenId && t.UserId == me && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        if (revoked == 0)
        {
            throw new NotFoundException("Access token", command.TokenId);
        }

        log.AccessTokenRevoked(me, command.TokenId, me, current.ClientAddress);
        return Unit.Value;
    }
}
