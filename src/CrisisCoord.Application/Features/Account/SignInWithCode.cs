using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// The second step of signing in to the pages, for accounts with two-factor sign-in on: the ticket from the
/// password step and a code from the authenticator app (or a recovery code) start the browser session. A wrong
/// code counts towards throttling like a wrong password. Not a command, for the same reason as the first step.
/// </summary>
[Performs(Act.SignIn)]
public sealed record SignInWithCodeRequest : IRequest<string>
{
    /// <summary>From <see cref="SignInStep.SecondStepTicket"/>.</summary>
    public string? Ticket { get; init; }

    public string? Code { get; init; }

    /// <summary>The account this browser has signed in to before (from its device cookie).</summary>
    public string? KnownDeviceFor { get; init; }

    public string? UserAgent { get; init; }
}

public sealed class SignInWithCodeRequestValidator : AbstractValidator<SignInWithCodeRequest>
{
    public SignInWithCodeRequestValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => Texts.Get("Validation.Account.Enter6DigitCode"))
            .MaximumLength(20).WithMessage(_ => Texts.Get("Validation.Account.Code6DigitsRecovery"));
        RuleFor(x => x.Ticket).MaximumLength(4000);
    }
}

/// <returns>The e-mail address signed in to, for the device cookie.</returns>
public sealed class SignInWithCodeRequestHandler(SecondStepTickets tickets, SecondFactor second, BrowserSessions browser, ICurrentUser caller)
    : IRequestHandler<SignInWithCodeRequest, string>
{
    public async ValueTask<string> Handle(SignInWithCodeRequest request, CancellationToken cancellationToken)
    {
        var user = await tickets.ReadAsync(request.Ticket);
        var knownDevice = string.Equals(request.KnownDeviceFor, user.Email, StringComparison.OrdinalIgnoreCase);
        await second.CheckAsync(user, request.Code, "password", caller.ClientAddress, knownDevice);
        await browser.StartAsync(user, request.UserAgent, cancellationToken);
        return user.Email!;
    }
}
