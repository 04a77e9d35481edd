using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Domain.Incidents;

/// <summary>
/// Graded response: the severity grade sets the lowest administrative level that may lead. The defaults
/// (IV → Village, III → Town, II → City, I → Country) can be changed in configuration.
/// </summary>
public sealed class GradedResponse(IReadOnlyDictionary<Severity, AdministrativeLevel> minimumLeadLevel)
{
    public static readonly GradedResponse Default = new(new Dictionary<Severity, AdministrativeLevel>
    {
        [Severity.IV] = AdministrativeLevel.Village,
        [Severity.III] = AdministrativeLevel.Town,
        [Severity.II] = AdministrativeLevel.City,
        [Severity.I] = AdministrativeLevel.Country,
    });

    public AdministrativeLevel MinimumLeadLevel(Severity severity) =>
        minimumLeadLevel.TryGetValue(severity, out var level) ? level : Default.MinimumLeadLevel(severity);

    /// <summary>Why this organisation may not lead at this severity, or null when it may.</summary>
    public string? WhyNotLead(OrganisationKind kind, AdministrativeLevel level, Severity severity, string name)
    {
        if (kind != OrganisationKind.Government)
        {
            return $"{name} is not a government body; only a government organisation can lead an incident.";
        }

        var minimum = MinimumLeadLevel(severity);
        return level < minimum
            ? $"A grade {severity} incident needs a lead at {minimum} level or above; {name} is at {level} level."
            : null;
    }
}
