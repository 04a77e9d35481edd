using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

public static class IdentityResults
{
    /// <summary>Turns Identity's refusals (weak password, e-mail taken) into field errors like any other.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string passwordProperty = "Password")
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new ValidationException(result.Errors.Select(error => new ValidationFailure(
            error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
                "PasswordMismatch" => "CurrentPassword",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordProperty,
                _ => "",
            },
            error.Description)));
    }
}
