using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;

namespace CrisisCoord.Web.Pages;

/// <summary>How reports, merges and links read on a page.</summary>
public static class ReportDisplay
{
    public static string Outcome(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Reported => Texts.Get("Reports.Outcome.Reported"),
        ReportOutcome.Verified => Texts.Get("Reports.Outcome.Verified"),
        ReportOutcome.Merged => Texts.Get("Reports.Outcome.Merged"),
        ReportOutcome.Dismissed => Texts.Get("Reports.Outcome.Dismissed"),
        _ => outcome.ToString(),
    };


    public static string RelationChoice(IncidentRelation relation) => relation switch
    {
        IncidentRelation.Caused => Texts.Get("Reports.Relation.Caused"),
        _ => Texts.Get("Reports.Relation.Other"),
    };
}
