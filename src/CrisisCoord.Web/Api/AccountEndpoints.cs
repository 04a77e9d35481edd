using CrisisCoord.Application.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>
/// Registration, e-mail confirmation and forgotten passwords, for callers without a token. Registration and
/// reset requests answer 202 with the same body whether or not the address has an account (ADR 0020).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Authentication").AllowAnonymous();
        group.MapPost("/registrations", Register).WithName("RegisterCitizen").ProducesValidationProblem();
        group.MapPost("/email-confirmations", ConfirmEmail).WithName(nameof(ConfirmEmail)).ProducesValidationProblem();
        group.MapPost("/password-reset-requests", RequestPasswordReset).WithName(nameof(RequestPasswordReset)).ProducesValidationProblem();
        group.MapPost("/password-resets", ResetPassword).WithName(nameof(ResetPassword)).ProducesValidationProblem();
        return app;
    }

    private static async Task<Accepted<RegistrationReceived>> Register(RegisterCitizenCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await sender.Send(command, ct));

    private static async Task<NoContent> ConfirmEmail(ConfirmEmailCommand command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<PasswordResetRequested>> RequestPasswordReset(RequestPasswordResetCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await sender.Send(command, ct));

    private static async Task<NoContent> ResetPassword(ResetPasswordCommand command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }
}
