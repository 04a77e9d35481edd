namespace CrisisCoord.Domain.Organisations;

/// <summary>The four kinds of party to a crisis (the paper's "multi-dominance").</summary>
public enum OrganisationKind
{
    Government,
    CivicGroup,
    Enterprise,
    Citizen,
}
