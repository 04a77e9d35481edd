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
    /// <summary>Each grade's name, warning colour and OASIS CAP 1.2 severity, in one place.</summary>
    private static (string Label, string Colour, string Cap) Describe(Severity severity) => severity switch
    {
        Severity.I => ("Especially major", "red", "Extreme"),
        Severity.II => ("Major", "orange", "Severe"),
        Severity.III => ("Relatively major", "yellow", "Moderate"),
        Severity.IV => ("General", "blue", "Minor"),
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Label(this Severity severity) => Describe(severity).Label;

    /// <summary>The warning colour people are used to seeing for each grade.</summary>
    public static string Colour(this Severity severity) => Describe(severity).Colour;

    /// <summary>The OASIS CAP 1.2 severity value for this grade.</summary>
    public static string CapSeverity(this Severity severity) => Describe(severity).Cap;
}
