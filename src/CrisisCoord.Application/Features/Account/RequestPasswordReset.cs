using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Someone has forgotten their password and gives their address: if an account uses it, its owner is mailed a
/// link to choose a new one. The answer is the same whether or not there is an account (ADR 0020).
/// </summary>
[Performs(Act.RequestPasswordReset)]
public sealed record RequestPasswordResetCommand : IRequest<PasswordResetRequested>
{
    public string? Email { get; init; }
}

/// <summary>The one answer to every well-formed request.</summary>
public sealed record PasswordResetRequested(string Message)
{
    public static readonly PasswordResetRequested Instance = new(
        "If an account uses this address, we have sent it a link to choose a new password. The link works once, for one day. " +
        "If no mail arrives within a few minutes, look in your spam folder and check the address.");
}

public sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator() => RuleFor(x => x.Email).WellFormedEmail();
}

public sealed class RequestPasswordResetCommandHandler(UserManager<AppUser> users, AccountMail mail)
    : IRequestHandler<RequestPasswordResetCommand, PasswordResetRequested>
{
    public async ValueTask<PasswordResetRequested> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(command.Email!.Trim()) is { } owner)
        {
            await mail.ResetPasswordAsync(owner);
        }
        else
        {
            // The token work of the other path, thrown away, so the time taken does not tell either.
            await users.GeneratePasswordResetTokenAsync(new AppUser { Id = Guid.CreateVersion7(), SecurityStamp = Guid.NewGuid().ToString("N") });
        }

        // The mail itself goes out after the answer, in the background, so it adds no time to one path only.
        return PasswordResetRequested.Instance;
    }
}
