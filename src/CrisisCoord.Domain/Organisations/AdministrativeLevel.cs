namespace CrisisCoord.Domain.Organisations;

/// <summary>Administrative levels, ordered: a larger value is a higher level.</summary>
public enum AdministrativeLevel
{
    Village = 1,
    Town = 2,
    City = 3,
    Country = 4,
}
