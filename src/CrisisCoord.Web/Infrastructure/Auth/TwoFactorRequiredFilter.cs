using CrisisCoord.Application.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>
/// Where <c>Auth:RequireTwoFactorForAdministrators</c> is on, an administrator signed in without two-factor
/// sign-in can open only the set-up page, sign out, and the error page; every other page sends them to set it
/// up. One rule for all pages, run before any page loads anything. (The token endpoint refuses them outright.)
/// </summary>
public sealed class TwoFactorRequiredFilter(IOptions<TwoFactorRules> rules) : IAuthorizationFilter
{
    public const string SetUpPage = "/Account/TwoFactor";

    private static readonly HashSet<string> StillOpen = new(StringComparer.OrdinalIgnoreCase) { SetUpPage, "/Account/SignOut", "/Error" };

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (context.ActionDescriptor is PageActionDescriptor page
            && user.Identity?.IsAuthenticated == true
            && rules.Value.MustSetUp(user.IsInRole(Roles.Administrator), user.HasClaim(ClaimNames.TwoFactor, ClaimNames.TwoFactorOn))
            && !StillOpen.Contains(page.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(SetUpPage);
        }
    }
}
