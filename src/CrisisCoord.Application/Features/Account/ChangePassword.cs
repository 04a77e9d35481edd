using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>A signed-in person changes their own password.</summary>
[AnySignedInPerson]
public sealed record ChangePasswordCommand : ICommand<Unit>
{
    public string? CurrentPassword { get; init; }

    public string? NewPassword { get; init; }

    public string? ConfirmNewPassword { get; init; }
}

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Choose a new password.").MaximumLength(256);
        RuleFor(x => x.ConfirmNewPassword)
            .Equal(x => x.NewPassword).WithMessage("The two new passwords are not the same.");
    }
}

public sealed class ChangePasswordCommandHandler(UserManager<AppUser> users, ICurrentUser current)
    : ICommandHandler<ChangePasswordCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        (await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!)).ThrowIfFailed("NewPassword");
        return Unit.Value;
    }
}
