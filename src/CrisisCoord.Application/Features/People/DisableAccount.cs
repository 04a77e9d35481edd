using CrisisCoord.Application.Common;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.People;

/// <summary>
/// An administrator disables an account: the person can no longer sign in, and every session they have
/// ends within a minute. Recorded on the timeline; undone by <see cref="EnableAccountCommand"/>.
/// </summary>
[RecordedAs(typeof(AppUser))]
[Performs(Act.ManageAccounts)]
public sealed record DisableAccountCommand(Guid UserId) : ICommand<Unit>;

public sealed class DisableAccountCommandHandler(UserManager<AppUser> users, SessionStore sessions, ICurrentUser current, SecurityLog log)
    : ICommandHandler<DisableAccountCommand, Unit>
{
    public async ValueTask<Unit> Handle(DisableAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("person", command.UserId);
        if (user.Id == current.UserId)
        {
            // Otherwise the last administrator could shut everyone, themself included, out of the registry.
            throw new DomainRuleException(new("Rule.Account.NotOwn", "You cannot disable your own account. Ask another administrator."));
        }

        (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed();
        (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).ThrowIfFailed();
        await sessions.EndAllAsync(user, "account disabled", current.UserId, current.ClientAddress, cancellationToken);
        log.AccountChanged(user.Id, "disabled", current.UserId, current.ClientAddress);
        return Unit.Value;
    }
}
