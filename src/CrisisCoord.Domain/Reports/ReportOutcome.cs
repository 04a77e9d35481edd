using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Domain.Reports;

/// <summary>What became of a report, as its reporter is told: read from the incident it was logged as.</summary>
public enum ReportOutcome
{
    /// <summary>Not verified yet.</summary>
    Reported,

    /// <summary>A government body verified it: the incident is (or was) in warning, response or recovery.</summary>
    Verified,

    /// <summary>It was merged into another incident, which its report and photos are now part of.</summary>
    Merged,

    /// <summary>Found false or a duplicate, with the reason.</summary>
    Dismissed,
}

public static class ReportOutcomes
{
    public static ReportOutcome Of(IncidentState stateOfFirstIncident) => stateOfFirstIncident switch
    {
        IncidentState.Reported => ReportOutcome.Reported,
        IncidentState.Merged => ReportOutcome.Merged,
        IncidentState.Dismissed => ReportOutcome.Dismissed,
        _ => ReportOutcome.Verified,
    };
}
