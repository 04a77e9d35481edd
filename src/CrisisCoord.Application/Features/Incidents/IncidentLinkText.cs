using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// How a link reads from one of its two incidents, in the reader's language (<see cref="IncidentLink.Reads"/> words
/// it in English for the domain).
/// </summary>
public static class IncidentLinkText
{
    public static string Reads(IncidentRelation relation, bool fromThisSide) => (relation, fromThisSide) switch
    {
        (IncidentRelation.Caused, true) => Texts.Get("Display.Relation.Caused"),
        (IncidentRelation.Caused, false) => Texts.Get("Display.Relation.CausedBy"),
        _ => Texts.Get("Display.Relation.RelatedTo"),
    };
}
