using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Turns two-factor sign-in on once a code from the person's app proves it holds the key, and hands out ten
/// recovery codes, shown this once. Every session ends (a thief's too); the page starts a new one for this
/// browser. Not a transactional command, like the password change: the security log has it, not the timeline.
/// </summary>
[Performs(Act.ManageOwnTwoFactor)]
public sealed record EnableTwoFactorCommand : IRequest<RecoveryCodes>
{
    public string? Code { get; init; }
}

/// <summary>Single-use codes that sign in in place of the app's code, for a lost phone.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes)
{
    public const int Count = 10;
}

public sealed class EnableTwoFactorCommandValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorCommandValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => Texts.Get("Validation.Account.Enter6DigitCode2"))
            .Matches(@"^\s*[0-9]{3}\s?[0-9]{3}\s*$").WithMessage(_ => Texts.Get("Validation.Account.Code6DigitsAuthenticator"));
    }
}

public sealed class EnableTwoFactorCommandHandler(
    UserManager<AppUser> users, SecondFactor second, SessionStore sessions, SecurityLog log, ICurrentUser current)
    : IRequestHandler<EnableTwoFactorCommand, RecoveryCodes>
{
    public async ValueTask<RecoveryCodes> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        if (user.TwoFactorEnabled)
        {
            throw new ValidationException([new ValidationFailure("", Texts.Get("Validation.Handler.TwoFactorAlreadyOn"))]);
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            throw new ValidationException([new ValidationFailure("", Texts.Get("Validation.Handler.TwoFactorStartSetupFirst"))]);
        }

        if (!await second.VerifyAsync(user, command.Code, current.ClientAddress))
        {
            throw new ValidationException([new ValidationFailure(nameof(command.Code),
                "The code is not right. Check that the app shows CrisisCoord with your e-mail address and that your phone's clock is right, then type the code showing now.")]);
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))?.ToList() ?? [];
        (await users.SetTwoFactorEnabledAsync(user, true)).ThrowIfFailed();
        log.TwoFactorChanged(user.Id, enabled: true, current.ClientAddress);
        await sessions.EndAllAsync(user, "two-factor sign-in turned on", user.Id, current.ClientAddress, cancellationToken);
        return new RecoveryCodes(codes);
    }
}
