using System.Globalization;
using CrisisCoord.Domain.Incidents;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrisisCoord.Web.Pages;

/// <summary>How domain values read on a page: words people use, not code names.</summary>
public static class Display
{
    public static string Category(IncidentCategory category) => category switch
    {
        IncidentCategory.NaturalDisaster => "Natural disaster",
        IncidentCategory.AccidentDisaster => "Accident",
        IncidentCategory.PublicHealth => "Public health",
        IncidentCategory.SocialSecurity => "Social security",
        _ => category.ToString(),
    };

    public static string SeverityText(Severity severity) => $"{severity} · {severity.Label()}";

    public static string State(IncidentState state) => state switch
    {
        IncidentState.Reported => "Reported (unverified)",
        _ => state.ToString(),
    };

    /// <summary>UTC as text; a script turns it into the reader's local time.</summary>
    public static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Coordinates(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{latitude:0.0000}, {longitude:0.0000}");

    public static IEnumerable<SelectListItem> Categories() =>
        Enum.GetValues<IncidentCategory>().Select(c => new SelectListItem(Category(c), c.ToString()));

    public static IEnumerable<SelectListItem> Severities() =>
        Enum.GetValues<Severity>().Select(s => new SelectListItem(SeverityText(s), s.ToString()));

    public static IEnumerable<SelectListItem> States() =>
        Enum.GetValues<IncidentState>().Select(s => new SelectListItem(State(s), s.ToString()));
}
