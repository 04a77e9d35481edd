using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Domain.Warnings;

/// <summary>Where a warning is in its life. Published, then Updated with each change; it ends Cancelled or Expired.</summary>
public enum WarningState
{
    Draft,
    Published,
    Updated,
    Cancelled,
    Expired,
}

/// <summary>CAP <c>scope</c>: for everyone, or only for the organisations named.</summary>
public enum WarningScope
{
    Public,
    Restricted,
}

/// <summary>CAP <c>status</c>: a real warning, or one issued in a drill (always marked as such).</summary>
public enum WarningStatus
{
    Actual,
    Exercise,
}

/// <summary>CAP <c>msgType</c> of the messages a warning issues.</summary>
public enum CapMessageType
{
    Alert,
    Update,
    Cancel,
}

/// <summary>CAP <c>urgency</c>.</summary>
public enum CapUrgency
{
    Immediate,
    Expected,
    Future,
    Past,
    Unknown,
}

/// <summary>CAP <c>certainty</c>.</summary>
public enum CapCertainty
{
    Observed,
    Likely,
    Possible,
    Unlikely,
    Unknown,
}

/// <summary>CAP <c>responseType</c>: what people are told to do.</summary>
public enum CapResponseType
{
    Shelter,
    Evacuate,
    Prepare,
    Execute,
    Avoid,
    Monitor,
    Assess,
    AllClear,
    None,
}

/// <summary>How the incident's own classification reads in CAP, in one place.</summary>
public static class CapMapping
{
    /// <summary>
    /// CAP categories for an incident category. Natural disasters span geophysical (earthquake, landslide) and
    /// meteorological (storm, flood) events, so both are given; CAP allows several.
    /// </summary>
    public static IReadOnlyList<string> CapCategories(this IncidentCategory category) => category switch
    {
        IncidentCategory.NaturalDisaster => ["Geo", "Met"],
        IncidentCategory.AccidentDisaster => ["Safety"],
        IncidentCategory.PublicHealth => ["Health"],
        IncidentCategory.SocialSecurity => ["Security"],
        _ => ["Other"],
    };

    /// <summary>CAP severity for the incident's grade (I→Extreme … IV→Minor); the grade's own table holds it.</summary>
    public static string CapSeverity(Severity severity) => severity.CapSeverity();
}
