using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// End every session of the signed-in person, in every browser and API client: for a lost phone or a
/// shared computer left signed in.
/// </summary>
[Performs(Act.EndOwnSessions)]
public sealed record SignOutEverywhereCommand : IRequest<Unit>;

public sealed class SignOutEverywhereCommandHandler(SessionStore sessions, UserManager<AppUser> users, ICurrentUser current)
    : IRequestHandler<SignOutEverywhereCommand, Unit>
{
    public async ValueTask<Unit> Handle(SignOutEverywhereCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        await sessions.EndAllAsync(user, "signed out everywhere", user.Id, current.ClientAddress, cancellationToken);
        return Unit.Value;
    }
}
