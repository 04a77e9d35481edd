using CrisisCoord.Application.Localization;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>
/// Identity's refusals in the reader's language: they reach people as field errors (<see cref="IdentityResults"/>).
/// The codes stay Identity's, for clients; the English is Identity's own wording.
/// </summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string? email) => Error(nameof(DuplicateEmail), email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));

    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword));

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated));

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled));

    private static IdentityError Error(string code, params object?[] args) =>
        new() { Code = code, Description = Texts.Format($"Identity.{code}", args) };
}
