using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Makes a new authenticator key for the signed-in person to add to their app. Two-factor sign-in stays off
/// until a code from the app confirms the key (<see cref="EnableTwoFactorCommand"/>). The key is stored
/// without a new security stamp: while two-factor sign-in is off it opens nothing, so sessions need not end.
/// </summary>
[Performs(Act.ManageOwnTwoFactor)]
public sealed record StartTwoFactorSetupCommand : IRequest<Unit>;

public sealed class StartTwoFactorSetupCommandHandler(UserManager<AppUser> users, IUserStore<AppUser> store, ICurrentUser current)
    : IRequestHandler<StartTwoFactorSetupCommand, Unit>
{
    public async ValueTask<Unit> Handle(StartTwoFactorSetupCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        if (user.TwoFactorEnabled)
        {
            // Replacing the key of a working set-up would lock the person out of their own app's codes.
            throw new ValidationException([new ValidationFailure("", Texts.Get("Validation.Handler.TwoFactorAlreadyOn"))]);
        }

        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), cancellationToken);
        (await users.UpdateAsync(user)).ThrowIfFailed();
        return Unit.Value;
    }
}
