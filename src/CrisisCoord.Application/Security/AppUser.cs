using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Security;

/// <summary>A person who signs in. They act for at most one organisation; a private citizen acts for none until a group admits them.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = "";

    /// <summary>The organisation the person acts for; none for a private citizen who has not been admitted to a group.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The language the person chose (a <see cref="Localization.Languages"/> culture); none until they choose.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>The IANA time zone the person types and reads times in; none until their browser or they tell it.</summary>
    public string? TimeZone { get; set; }
}
