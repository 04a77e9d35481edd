using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Exchange an e-mail and password for an API session: a short-lived access token and a refresh token.
/// Not a command: a failed attempt must still count towards throttling, so it is not rolled back.
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
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
    }
}

public sealed class IssueTokenRequestHandler(Credentials credentials, ApiSessions api, ICurrentUser caller)
    : IRequestHandler<IssueTokenRequest, BearerToken>
{
    public async ValueTask<BearerToken> Handle(IssueTokenRequest request, CancellationToken cancellationToken)
    {
        var user = await credentials.CheckAsync(request.Email!, request.Password!, "token", caller.ClientAddress, knownDevice: false);
        return await api.StartAsync(user, cancellationToken);
    }
}
