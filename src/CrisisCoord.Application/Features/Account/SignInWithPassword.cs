using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// Sign in to the pages: checks the password (throttled, never telling whether the account exists) and
/// starts a browser session with its cookie, or, when the account has two-factor sign-in on, answers with
/// the ticket for the code step instead (<see cref="SignInWithCodeRequest"/>). Not a command: a failure must
/// still count towards throttling.
/// </summary>
[Performs(Act.SignIn)]
public sealed record SignInWithPasswordRequest : IRequest<SignInStep>
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>The account this browser has signed in to before (from its device cookie), which is spared account-wide throttling.</summary>
    public string? KnownDeviceFor { get; init; }

    public string? UserAgent { get; init; }
}

/// <param name="UserId">Who gave the right password.</param>
/// <param name="SecondStepTicket">Set when the account asks for a code next: no session has started yet.</param>
public sealed record SignInStep(Guid UserId, string? SecondStepTicket);

public sealed class SignInWithPasswordRequestValidator : AbstractValidator<SignInWithPasswordRequest>
{
    public SignInWithPasswordRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Account.EnterEMailAddress")).MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => Texts.Get("Validation.Account.EnterPassword")).MaximumLength(PasswordRules.MaximumLength);
    }
}

public sealed class SignInWithPasswordRequestHandler(
    Credentials credentials, SecondStepTickets tickets, BrowserSessions browser, ICurrentUser caller)
    : IRequestHandler<SignInWithPasswordRequest, SignInStep>
{
    public async ValueTask<SignInStep> Handle(SignInWithPasswordRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var knownDevice = string.Equals(request.KnownDeviceFor, email, StringComparison.OrdinalIgnoreCase);
        var user = await credentials.CheckAsync(email, request.Password!, "password", caller.ClientAddress, knownDevice, codeFollows: true);
        if (user.TwoFactorEnabled)
        {
            return new SignInStep(user.Id, await tickets.IssueAsync(user));
        }

        await browser.StartAsync(user, request.UserAgent, cancellationToken);
        return new SignInStep(user.Id, null);
    }
}
