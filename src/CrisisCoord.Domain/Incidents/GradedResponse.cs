using CrisisCoord.Domain.Common;
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
    public Phrase? WhyNotLead(OrganisationKind kind, AdministrativeLevel level, Severity severity, string name)
    {
        if (kind != OrganisationKind.Government)
        {
            return new("Rule.Lead.NotGovernment", "{0} is not a government body; only a government organisation can lead an incident.", name);
        }

        var minimum = MinimumLeadLevel(severity);
        return level < minimum
            ? new("Rule.Lead.LevelTooLow", "A grade {0} incident needs a lead at {1} level or above; {2} is at {3} level.", new Term(severity), new Term(minimum), name, new Term(level))
            : null;
    }
}
