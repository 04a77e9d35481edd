using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// The owner opens a mailed reset link and chooses a new password. Identity changes the security stamp with the
/// password, which ends the link (it was made from the old stamp) and every session built on the old one.
/// Opening the link proves the address is theirs, so an unconfirmed account becomes confirmed. Not a command
/// on the record, like a password change.
/// </summary>
[Performs(Act.ResetPassword)]
public sealed record ResetPasswordCommand : IRequest<Unit>
{
    public string? UserId { get; init; }

    /// <summary>The token from the link, as it appears there (base64url).</summary>
    public string? Token { get; init; }

    public string? NewPassword { get; init; }

    public string? ConfirmNewPassword { get; init; }
}

public sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator(UserManager<AppUser> users)
    {
        RuleFor(x => x.UserId).NotEmpty().MaximumLength(64).WithMessage(_ => Texts.Get("Validation.Account.UnusableLink"));
        RuleFor(x => x.Token).NotEmpty().MaximumLength(2048).WithMessage(_ => Texts.Get("Validation.Account.UnusableLink"));
        RuleFor(x => x.NewPassword).AcceptablePassword(users);
        RuleFor(x => x.ConfirmNewPassword)
            .Equal(x => x.NewPassword).WithMessage(_ => Texts.Get("Validation.Account.TwoNewPasswordsSame"));
    }
}

public sealed class ResetPasswordCommandHandler(UserManager<AppUser> users, AccountMail mail) : IRequestHandler<ResetPasswordCommand, Unit>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await UnusableLink.PersonAsync(users, command.UserId);
        var token = AccountMail.DecodeToken(command.Token);
        if (user is null || token is null)
        {
            throw UnusableLink.Exception();
        }

        var result = await users.ResetPasswordAsync(user, token, command.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            throw UnusableLink.Exception();
        }

        result.ThrowIfFailed(nameof(ResetPasswordCommand.NewPassword));
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            (await users.UpdateAsync(user)).ThrowIfFailed();
        }

        mail.PasswordChanged(user);
        return Unit.Value;
    }
}
