using CrisisCoord.Application.Live;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Live;

/// <summary>
/// A screen listing incidents (the dashboard, the incident list, my tasks, requests) asks to be told when any
/// of them changes. Allowed to whoever may read the shared directory; the signal names the topic only.
/// </summary>
[Performs(Act.ViewDirectory)]
public sealed record WatchIncidentsQuery : IQuery<string>;

public sealed class WatchIncidentsQueryHandler : IQueryHandler<WatchIncidentsQuery, string>
{
    public ValueTask<string> Handle(WatchIncidentsQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(LiveTopics.Incidents);
}
