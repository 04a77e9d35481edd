using CrisisCoord.Application.Live;
using Microsoft.AspNetCore.SignalR;

namespace CrisisCoord.Web.Infrastructure.Live;

/// <summary>
/// Sends "changed" to the groups watching the incidents a committed unit of work touched, and to the lists.
/// Through the Redis backplane when it is configured, so screens connected to another instance hear it too.
/// </summary>
public sealed class HubLiveSignals(IHubContext<LiveHub> hub, ILogger<HubLiveSignals> logger) : ILiveSignals
{
    public void Changed(IReadOnlyCollection<Guid> incidents) => _ = SendAsync(incidents);

    public void PublicWarningsChanged() => _ = SendPublicAsync();

    private async Task SendPublicAsync()
    {
        try
        {
            await hub.Clients.Group(LiveTopics.PublicWarnings).SendAsync(LiveHub.Changed, LiveTopics.PublicWarnings);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not tell open public warning pages about a new message");
        }
    }

    private async Task SendAsync(IReadOnlyCollection<Guid> incidents)
    {
        try
        {
            foreach (var incident in incidents)
            {
                var topic = LiveTopics.Incident(incident);
                await hub.Clients.Group(topic).SendAsync(LiveHub.Changed, topic);
            }

            await hub.Clients.Group(LiveTopics.Incidents).SendAsync(LiveHub.Changed, LiveTopics.Incidents);
        }
        catch (Exception ex)
        {
            // Screens miss one refresh and catch up on the next change or reload; the change itself stands.
            logger.LogWarning(ex, "Could not tell open screens about a change to {Count} incident(s)", incidents.Count);
        }
    }
}
