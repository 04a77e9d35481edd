using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>End one of your own sessions (a browser or API client you no longer use, or do not recognise).</summary>
[Performs(Act.EndOwnSessions)]
public sealed record EndMySessionCommand(Guid SessionId) : IRequest<Unit>;

public sealed class EndMySessionCommandHandler(AppDbContext db, SessionStore sessions, ICurrentUser current)
    : IRequestHandler<EndMySessionCommand, Unit>
{
    public async ValueTask<Unit> Handle(EndMySessionCommand command, CancellationToken cancellationToken)
    {
        // Someone else's session is not yours to know about: the same answer as one that does not exist.
        if (!await db.UserSessions.AnyAsync(s => s.Id == command.SessionId && s.UserId == current.UserId, cancellationToken))
        {
            throw new NotFoundException("session", command.SessionId);
        }

        await sessions.EndAsync(command.SessionId, "ended by its owner", current.UserId, current.ClientAddress, cancellationToken);
        return Unit.Value;
    }
}
