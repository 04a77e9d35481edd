using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>A person who signs in. Every person belongs to exactly one organisation.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = "";

    public Guid OrganisationId { get; set; }
}
