using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// A signed-in person changes their own password, which ends every session they have (a thief's too).
/// Not a transactional command: a wrong current password must still count towards throttling, so a
/// borrowed session cannot guess the password at leisure.
/// </summary>
[Performs(Act.ChangeOwnPassword)]
public sealed record ChangePasswordCommand : IRequest<Unit>
{
    public string? CurrentPassword { get; init; }

    public string? NewPassword { get; init; }

    public string? ConfirmNewPassword { get; init; }
}

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(UserManager<AppUser> users)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => Texts.Get("Validation.Account.EnterCurrentPassword")).MaximumLength(PasswordRules.MaximumLength);
        RuleFor(x => x.NewPassword).AcceptablePassword(users);
        RuleFor(x => x.ConfirmNewPassword)
            .Equal(x => x.NewPassword).WithMessage(_ => Texts.Get("Validation.Account.TwoNewPasswordsSame"));
    }
}

public sealed class ChangePasswordCommandHandler(
    UserManager<AppUser> users, Credentials credentials, SessionStore sessions, ICurrentUser current)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        try
        {
            await credentials.CheckAsync(user.Email!, command.CurrentPassword!, "password change", current.ClientAddress, knownDevice: true);
        }
        catch (SignInFailedException)
        {
            throw new ValidationException([new ValidationFailure(nameof(command.CurrentPassword), Texts.Get("Validation.Handler.CurrentPasswordWrong"))]);
        }

        (await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!)).ThrowIfFailed("NewPassword");
        // The new security stamp already ends them; this also marks them ended and writes the security log.
        await sessions.EndAllAsync(user, "password changed", user.Id, current.ClientAddress, cancellationToken);
        return Unit.Value;
    }
}
