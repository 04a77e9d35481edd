using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Sign in to the pages: checks the password (throttled, never telling whether the account exists) and
/// starts a browser session with its cookie. Not a command: a failure must still count towards throttling.
/// </summary>
[Performs(Act.SignIn)]
public sealed record SignInWithPasswordRequest : IRequest<Guid>
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>The account this browser has signed in to before (from its device cookie), which is spared account-wide throttling.</summary>
    public string? KnownDeviceFor { get; init; }

    public string? UserAgent { get; init; }
}

public sealed class SignInWithPasswordRequestValidator : AbstractValidator<SignInWithPasswordRequest>
{
    public SignInWithPasswordRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your e-mail address.").MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(PasswordRules.MaximumLength);
    }
}

public sealed class SignInWithPasswordRequestHandler(Credentials credentials, BrowserSessions browser, ICurrentUser caller)
    : IRequestHandler<SignInWithPasswordRequest, Guid>
{
    public async ValueTask<Guid> Handle(SignInWithPasswordRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var knownDevice = string.Equals(request.KnownDeviceFor, email, StringComparison.OrdinalIgnoreCase);
        var user = await credentials.CheckAsync(email, request.Password!, "password", caller.ClientAddress, knownDevice);
        await browser.StartAsync(user, request.UserAgent, cancellationToken);
        return user.Id;
    }
}
