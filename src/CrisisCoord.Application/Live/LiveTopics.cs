namespace CrisisCoord.Application.Live;

/// <summary>
/// What a screen can watch. A topic is also the name of the hub group its watchers join; watching one is a
/// query the authorization pipeline decides like any other read.
/// </summary>
public static class LiveTopics
{
    /// <summary>Every incident the reader may list: the dashboard, the incident list, my tasks, requests.</summary>
    public const string Incidents = "incidents";

    /// <summary>The public warnings page: anyone, signed in or not.</summary>
    public const string PublicWarnings = "warnings";

    private const string IncidentPrefix = "incident:";

    /// <summary>One incident: its page, its task board, its request threads.</summary>
    public static string Incident(Guid id) => IncidentPrefix + id.ToString("D");

    public static bool TryIncident(string topic, out Guid id)
    {
        id = Guid.Empty;
        return topic.StartsWith(IncidentPrefix, StringComparison.Ordinal)
            && Guid.TryParseExact(topic[IncidentPrefix.Length..], "D", out id);
    }
}
