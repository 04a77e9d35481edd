using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// A signed-in person changes their own password. Not a transactional command: a wrong current password
/// must still count towards lock-out, so that write is not rolled back with the refusal.
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
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(x => x.NewPassword).AcceptablePassword(users);
        RuleFor(x => x.ConfirmNewPassword)
            .Equal(x => x.NewPassword).WithMessage("The two new passwords are not the same.");
    }
}

public sealed class ChangePasswordCommandHandler(UserManager<AppUser> users, ICurrentUser current)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        if (await users.IsLockedOutAsync(user))
        {
            throw new SignInFailedException("Too many failed attempts: this account is locked for a few minutes.");
        }

        var result = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
        if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
        {
            // A wrong current password counts towards lock-out, as at sign-in: a borrowed session cannot guess.
            await users.AccessFailedAsync(user);
        }

        result.ThrowIfFailed("NewPassword");
        return Unit.Value;
    }
}
