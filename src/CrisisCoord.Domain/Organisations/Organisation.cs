namespace CrisisCoord.Domain.Organisations;

/// <summary>A party to crises: a government body, civic group, enterprise or citizens' group.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int AreaNameMaxLength = 200;
    public const int ContactMaxLength = 200;

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    public AdministrativeLevel Level { get; private set; }

    /// <summary>The area it serves, e.g. "Qinghe Province" or "Dongshan Town".</summary>
    public string AreaName { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    public string ContactPhone { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    public OrganisationProfile Profile { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The circle it serves, if it has said; warnings in it reach its people.</summary>
    public ServiceArea? ServiceArea { get; private set; }

    public static Organisation Register(
        string name,
        OrganisationKind kind,
        AdministrativeLevel level,
        string areaName,
        OrganisationContact contact,
        OrganisationProfile? profile,
        DateTimeOffset now)
    {
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            CreatedAt = now.ToUniversalTime(),
        };
        organisation.Update(name, level, areaName, contact, profile ?? OrganisationProfile.DefaultFor(kind));
        return organisation;
    }

    /// <summary>The kind is fixed once registered: it decides the default charter and Table-1 profile.</summary>
    public void Update(string name, AdministrativeLevel level, string areaName, OrganisationContact contact, OrganisationProfile profile)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An organisation needs a name.", nameof(name));
        }

        Name = name.Trim();
        Level = level;
        AreaName = areaName.Trim();
        ContactName = contact.Name.Trim();
        ContactPhone = contact.Phone.Trim();
        ContactEmail = contact.Email.Trim();
        Profile = profile with
        {
            Purpose = profile.Purpose.Trim(),
            Neutrality = profile.Neutrality.Trim(),
            ResourceMobilisation = profile.ResourceMobilisation.Trim(),
            MethodsAndMeasures = profile.MethodsAndMeasures.Trim(),
        };
    }

    public void SetServiceArea(ServiceArea? area) => ServiceArea = area;
}

public sealed record OrganisationContact(string Name, string Phone, string Email)
{
    public static readonly OrganisationContact None = new("", "", "");
}
