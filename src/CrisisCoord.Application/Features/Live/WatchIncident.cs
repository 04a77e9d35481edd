using CrisisCoord.Application.Live;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Live;

/// <summary>
/// A screen showing one incident asks to be told when it changes. Allowed to whoever may see the incident, by
/// the same rule as reading it (an unknown incident is a 404 there); the answer is the topic to join.
/// </summary>
[Performs(Act.ViewIncident)]
public sealed record WatchIncidentQuery(Guid IncidentId) : IQuery<string>, IIncidentMessage;

public sealed class WatchIncidentQueryHandler : IQueryHandler<WatchIncidentQuery, string>
{
    public ValueTask<string> Handle(WatchIncidentQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(LiveTopics.Incident(query.IncidentId));
}
