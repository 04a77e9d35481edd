using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// End the session this request belongs to: the cookie or tokens stop working everywhere, copies included.
/// </summary>
[Performs(Act.EndOwnSessions)]
public sealed record SignOutCommand : IRequest<Unit>;

public sealed class SignOutCommandHandler(SessionStore sessions, ICurrentUser current) : IRequestHandler<SignOutCommand, Unit>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (current.SessionId is { } session)
        {
            await sessions.EndAsync(session, "signed out", current.UserId, current.ClientAddress, cancellationToken);
        }

        return Unit.Value;
    }
}
