using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Exchange an e-mail and password for an API session: a short-lived access token and a refresh token.
/// With two-factor sign-in on, the code from the authenticator app (or a recovery code) comes in the same
/// request; an administrator without it is refused where the platform requires it.
/// Not a command: a failed attempt must still count towards throttling, so it is not rolled back.
/// </summary>
[Performs(Act.SignIn)]
public sealed record IssueTokenRequest : IRequest<BearerToken>
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>The 6-digit code from the authenticator app, or a recovery code; only for accounts with two-factor sign-in on.</summary>
    public string? Code { get; init; }
}

public sealed class IssueTokenRequestValidator : AbstractValidator<IssueTokenRequest>
{
    public IssueTokenRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
        RuleFor(x => x.Code).MaximumLength(20);
    }
}

public sealed class IssueTokenRequestHandler(
    Credentials credentials, SecondFactor second, UserManager<AppUser> users, IOptions<TwoFactorRules> rules, ApiSessions api, ICurrentUser caller)
    : IRequestHandler<IssueTokenRequest, BearerToken>
{
    public async ValueTask<BearerToken> Handle(IssueTokenRequest request, CancellationToken cancellationToken)
    {
        var user = await credentials.CheckAsync(request.Email!, request.Password!, "token", caller.ClientAddress, knownDevice: false, codeFollows: true);
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                throw new SecondFactorRequiredException();
            }

            await second.CheckAsync(user, request.Code, "token", caller.ClientAddress, knownDevice: false);
        }
        else if (rules.Value.MustSetUp(await users.IsInRoleAsync(user, Roles.Administrator), twoFactorEnabled: false))
        {
            throw new TwoFactorSetUpRequiredException();
        }

        return await api.StartAsync(user, cancellationToken);
    }
}
