using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// The owner of a new account opens the mailed link: the address is theirs, and the account may sign in. Not a
/// command on the record (like a password change): it concerns the person's sign-in, not the crisis.
/// </summary>
[Performs(Act.ConfirmEmail)]
public sealed record ConfirmEmailCommand : IRequest<Unit>
{
    public string? UserId { get; init; }

    /// <summary>The token from the link, as it appears there (base64url).</summary>
    public string? Token { get; init; }
}

public sealed class ConfirmEmailCommandValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailCommandValidator()
    {
        RuleFor(x => x.UserId).MaximumLength(64).WithMessage(_ => Texts.Get("Validation.Account.UnusableLink"));
        RuleFor(x => x.Token).MaximumLength(2048).WithMessage(_ => Texts.Get("Validation.Account.UnusableLink"));
    }
}

public sealed class ConfirmEmailCommandHandler(UserManager<AppUser> users) : IRequestHandler<ConfirmEmailCommand, Unit>
{
    public async ValueTask<Unit> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var user = await UnusableLink.PersonAsync(users, command.UserId);
        var token = AccountMail.DecodeToken(command.Token);
        // A second click finds the address confirmed: the same answer as any other unusable link (ADR 0020).
        if (user is null || token is null || user.EmailConfirmed || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            throw UnusableLink.Exception();
        }

        return Unit.Value;
    }
}
