using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Turns two-factor sign-in off, given a current code or a recovery code (so a borrowed session cannot). The
/// key and the recovery codes are replaced, so the app's old entry and any written-down codes are dead, and
/// every session ends; the page starts a new one for this browser. Wrong codes count towards throttling.
/// An administrator who must have it is sent straight back to set it up again: the way to move to a new phone.
/// </summary>
[Performs(Act.ManageOwnTwoFactor)]
public sealed record DisableTwoFactorCommand : IRequest<Unit>
{
    public string? Code { get; init; }
}

public sealed class DisableTwoFactorCommandValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorCommandValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => Texts.Get("Validation.Account.Enter6DigitCode"))
            .MaximumLength(20).WithMessage(_ => Texts.Get("Validation.Account.Code6DigitsRecovery"));
    }
}

public sealed class DisableTwoFactorCommandHandler(
    UserManager<AppUser> users, SecondFactor second, SessionStore sessions, SecurityLog log, ICurrentUser current)
    : IRequestHandler<DisableTwoFactorCommand, Unit>
{
    public async ValueTask<Unit> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        if (!user.TwoFactorEnabled)
        {
            throw new ValidationException([new ValidationFailure("", Texts.Get("Validation.Handler.TwoFactorAlreadyOff"))]);
        }

        try
        {
            await second.CheckAsync(user, command.Code, "two-factor change", current.ClientAddress, knownDevice: true);
        }
        catch (SecondFactorFailedException failed)
        {
            throw new ValidationException([new ValidationFailure(nameof(command.Code), failed.Message)]);
        }

        (await users.SetTwoFactorEnabledAsync(user, false)).ThrowIfFailed();
        (await users.ResetAuthenticatorKeyAsync(user)).ThrowIfFailed();
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        log.TwoFactorChanged(user.Id, enabled: false, current.ClientAddress);
        await sessions.EndAllAsync(user, "two-factor sign-in turned off", user.Id, current.ClientAddress, cancellationToken);
        return Unit.Value;
    }
}
