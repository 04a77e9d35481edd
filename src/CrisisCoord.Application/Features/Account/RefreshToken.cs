using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Exchange a refresh token for the next access and refresh tokens. Each refresh token works once; a
/// second use means it was copied, and the session ends. Public: the access token may have expired.
/// </summary>
[Performs(Act.SignIn)]
public sealed record RefreshTokenRequest : IRequest<BearerToken>
{
    public string? RefreshToken { get; init; }
}

public sealed class RefreshTokenRequestValidator : AbstractValidator<RefreshTokenRequest>
{
    public RefreshTokenRequestValidator() =>
        RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200);
}

public sealed class RefreshTokenRequestHandler(SessionStore sessions, ApiSessions api, ICurrentUser caller)
    : IRequestHandler<RefreshTokenRequest, BearerToken>
{
    public async ValueTask<BearerToken> Handle(RefreshTokenRequest request, CancellationToken cancellationToken)
    {
        var (user, session) = await sessions.RedeemAsync(request.RefreshToken!, caller.ClientAddress, cancellationToken);
        return await api.PairAsync(user, session, cancellationToken);
    }
}
