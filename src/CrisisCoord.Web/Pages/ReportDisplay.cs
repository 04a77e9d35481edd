using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;

namespace CrisisCoord.Web.Pages;

/// <summary>How reports, merges and links read on a page.</summary>
public static class ReportDisplay
{
    public static string Outcome(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Reported => "Waiting to be checked",
        ReportOutcome.Verified => "Verified",
        ReportOutcome.Merged => "Merged into another report",
        ReportOutcome.Dismissed => "Dismissed",
        _ => outcome.ToString(),
    };

    /// <summary>How a link reads from one of its incidents.</summary>
    public static string Relation(IncidentRelation relation, bool fromThisSide) => IncidentLink.Reads(relation, fromThisSide);

    public static string RelationChoice(IncidentRelation relation) => relation switch
    {
        IncidentRelation.Caused => "This incident caused the other (a collateral event, e.g. a leak after an earthquake)",
        _ => "The two are related in another way",
    };
}
