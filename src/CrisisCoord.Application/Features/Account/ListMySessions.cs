using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>The signed-in person's live sessions, newest first, so they can spot one that is not theirs and end it.</summary>
[Performs(Act.EndOwnSessions)]
public sealed record ListMySessionsQuery : IQuery<IReadOnlyList<MySessionDto>>;

/// <summary>One live session; <c>Current</c> when it is the one this request belongs to.</summary>
public sealed record MySessionDto(Guid Id, SessionKind Kind, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, string? ClientAddress, string? UserAgent, bool Current);

public sealed class ListMySessionsQueryHandler(SessionStore sessions, ICurrentUser current, TimeProvider clock)
    : IQueryHandler<ListMySessionsQuery, IReadOnlyList<MySessionDto>>
{
    public async ValueTask<IReadOnlyList<MySessionDto>> Handle(ListMySessionsQuery query, CancellationToken cancellationToken)
    {
        var me = current.UserId!.Value;
        var live = await sessions.Live(clock.GetUtcNow()).Where(s => s.UserId == me)
            .OrderByDescending(s => s.StartedAt)
            .ToListAsync(cancellationToken);
        return [.. live.Select(s => new MySessionDto(s.Id, s.Kind, s.StartedAt, s.ExpiresAt, s.ClientAddress, s.UserAgent, s.Id == current.SessionId))];
    }
}
