using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>The signed-in person's live personal access tokens, newest first; never their secrets.</summary>
[Performs(Act.ManageOwnAccessTokens)]
public sealed record ListMyAccessTokensQuery : IQuery<IReadOnlyList<AccessTokenDto>>;

public sealed record AccessTokenDto(Guid Id, string Name, AccessTokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt);

public sealed class ListMyAccessTokensQueryHandler(AccessTokenStore tokens, ICurrentUser current, TimeProvider clock)
    : IQueryHandler<ListMyAccessTokensQuery, IReadOnlyList<AccessTokenDto>>
{
    public async ValueTask<IReadOnlyList<AccessTokenDto>> Handle(ListMyAccessTokensQuery query, CancellationToken cancellationToken)
    {
        var me = current.UserId!.Value;
        return await tokens.Live(clock.GetUtcNow()).AsNoTracking()
            .Where(t => t.UserId == me)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenDto(t.Id, t.Name, t.Scope, t.CreatedAt, t.ExpiresAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
    }
}
