using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Exchange an e-mail and password for a short-lived API bearer token. Not a command: a failed attempt
/// must still count towards lock-out, so it is not rolled back with a transaction.
/// </summary>
[Performs(Act.SignIn)]
public sealed record IssueTokenRequest : IRequest<BearerToken>
{
    public string? Email { get; init; }

    public string? Password { get; init; }
}

public sealed class IssueTokenRequestValidator : AbstractValidator<IssueTokenRequest>
{
    public IssueTokenRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed class IssueTokenRequestHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ITokenIssuer tokens)
    : IRequestHandler<IssueTokenRequest, BearerToken>
{
    public async ValueTask<BearerToken> Handle(IssueTokenRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email!);
        if (user is null)
        {
            throw new SignInFailedException();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new SignInFailedException("Too many failed attempts: this account is locked for a few minutes.");
        }

        if (!result.Succeeded)
        {
            throw new SignInFailedException();
        }

        return tokens.Issue(user, [.. await users.GetRolesAsync(user)]);
    }
}

/// <summary>Wrong e-mail or password. The message never says which, so accounts cannot be discovered.</summary>
public sealed class SignInFailedException(string message = "The e-mail address or password is not right.") : Exception(message);
