using CrisisCoord.Application.Common;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.People;

/// <summary>An administrator lets a disabled person sign in again (their old sessions stay ended).</summary>
[RecordedAs(typeof(AppUser))]
[Performs(Act.ManageAccounts)]
public sealed record EnableAccountCommand(Guid UserId) : ICommand<Unit>;

public sealed class EnableAccountCommandHandler(UserManager<AppUser> users, ICurrentUser current, SecurityLog log)
    : ICommandHandler<EnableAccountCommand, Unit>
{
    public async ValueTask<Unit> Handle(EnableAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("person", command.UserId);
        (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed();
        log.AccountChanged(user.Id, "enabled", current.UserId, current.ClientAddress);
        return Unit.Value;
    }
}
