using System.Security.Claims;
using CrisisCoord.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>Adds the person's organisation, display name, whether they have two-factor sign-in on, and their saved language and zone to the sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisation)
        {
            // A private citizen carries none: they act for no one until a group admits them.
            identity.AddClaim(new Claim(ClaimNames.OrganisationId, organisation.ToString()));
        }

        identity.AddClaim(new Claim(ClaimNames.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(ClaimNames.TwoFactor, ClaimNames.TwoFactorOn));
        }

        if (user.PreferredLanguage is { } language)
        {
            identity.AddClaim(new Claim(ClaimNames.Language, language));
        }

        if (user.TimeZone is { } zone)
        {
            identity.AddClaim(new Claim(ClaimNames.TimeZone, zone));
        }

        return identity;
    }
}
