namespace CrisisCoord.Domain.Incidents;

/// <summary>
/// The four grades of a public emergency, I being the gravest. The numeric values order them so
/// that a smaller number is more severe.
/// </summary>
public enum Severity
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

public static class SeverityExtensions
{
    public static string Label(this Severity severity) => severity switch
    {
        Severity.I => "Especially major",
        Severity.II => "Major",
        Severity.III => "Relatively major",
        Severity.IV => "General",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The warning colour people are used to seeing for each grade.</summary>
    public static string Colour(this Severity severity) => severity switch
    {
        Severity.I => "red",
        Severity.II => "orange",
        Severity.III => "yellow",
        Severity.IV => "blue",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The OASIS CAP 1.2 severity value for this grade.</summary>
    public static string CapSeverity(this Severity severity) => severity switch
    {
        Severity.I => "Extreme",
        Severity.II => "Severe",
        Severity.III => "Moderate",
        Severity.IV => "Minor",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
