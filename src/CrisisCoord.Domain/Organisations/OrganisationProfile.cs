namespace CrisisCoord.Domain.Organisations;

/// <summary>
/// The paper's Table 1: what drives an organisation, how neutral it is, where its means come from and
/// how it acts. Every organisation carries one; these are the defaults for its kind.
/// </summary>
public sealed record OrganisationProfile(string Purpose, string Neutrality, string ResourceMobilisation, string MethodsAndMeasures)
{
    public const int FieldMaxLength = 500;

    public static OrganisationProfile DefaultFor(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Government => new(
            "Protect life and property, keep public order",
            "Neutral",
            "Public budget",
            "Administrative means, enforcement"),
        OrganisationKind.CivicGroup => new(
            "Protect the basic rights of people hit by the disaster",
            "Mostly neutral; aid by need",
            "Own resources, raised funds",
            "Material and personnel aid"),
        OrganisationKind.Enterprise => new(
            "Its own interests, and social responsibility",
            "Not neutral",
            "Own finances",
            "Material assistance"),
        OrganisationKind.Citizen => new(
            "Self-help and mutual aid",
            "Not applicable",
            "Own means",
            "Reports, volunteering"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
