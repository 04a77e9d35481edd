using CrisisCoord.Application.Features.Live;
using CrisisCoord.Application.Live;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace CrisisCoord.Web.Infrastructure.Live;

/// <summary>
/// The one hub open pages connect to. A page asks to watch the topics it shows; each is a query the
/// authorization pipeline decides, so a page joins only the groups of what its reader may read. The hub only
/// ever sends <see cref="Changed"/> with a topic: pages read the change through their ordinary, authorized GET.
/// </summary>
public sealed class LiveHub(ISender sender, IHttpContextAccessor http) : Hub
{
    public const string Path = "/live";

    /// <summary>The one message the server sends: "a topic you watch changed".</summary>
    public const string Changed = "changed";

    /// <summary>At most this many topics per call: a page shows one incident or one list.</summary>
    public const int MaxTopics = 8;

    /// <summary>Joins the groups of the topics given, all or none; answers with the topics joined.</summary>
    public async Task<string[]> Watch(string[] topics)
    {
        if (topics is not { Length: > 0 and <= MaxTopics })
        {
            throw new HubException($"Give between 1 and {MaxTopics} topics to watch.");
        }

        // The reader is the connection's person. Over WebSockets the accessor already holds that request; over
        // long polling an invocation arrives in another request, so it is pinned here.
        http.HttpContext = Context.GetHttpContext();
        var joined = new List<string>();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            joined.Add(await AllowedAsync(topic));
        }

        foreach (var topic in joined)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
        }

        return [.. joined];
    }

    private async Task<string> AllowedAsync(string topic)
    {
        try
        {
            if (topic == LiveTopics.Incidents)
            {
                return await sender.Send(new WatchIncidentsQuery(), Context.ConnectionAborted);
            }

            if (topic == LiveTopics.PublicWarnings)
            {
                return await sender.Send(new WatchPublicWarningsQuery(), Context.ConnectionAborted);
            }

            if (LiveTopics.TryIncident(topic, out var incident))
            {
                return await sender.Send(new WatchIncidentQuery(incident), Context.ConnectionAborted);
            }
        }
        catch (Exception ex) when (ExceptionProblem.From(ex).Status < StatusCodes.Status500InternalServerError)
        {
            // Refused, unknown or not signed in: one answer, which says nothing about whether the subject exists.
            throw new HubException($"You cannot watch '{Shown(topic)}'.");
        }

        throw new HubException($"'{Shown(topic)}' is not a topic. Topics are 'incidents', 'incident:<id>' and 'warnings'.");
    }

    /// <summary>The topic as typed, cut short: it is echoed back to the caller only, as a JSON string.</summary>
    private static string Shown(string? topic) => topic is null ? "" : topic.Length > 60 ? topic[..60] : topic;
}
