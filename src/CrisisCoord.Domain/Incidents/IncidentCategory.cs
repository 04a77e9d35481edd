namespace CrisisCoord.Domain.Incidents;

/// <summary>The four classes of public emergencies.</summary>
public enum IncidentCategory
{
    NaturalDisaster,
    AccidentDisaster,
    PublicHealth,
    SocialSecurity,
}
