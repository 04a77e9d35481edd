using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Incidents;

public enum IncidentState
{
    /// <summary>Logged but not yet verified, for example a citizen's report.</summary>
    Reported,
    Warning,
    Response,
    Recovery,
    Closed,
    /// <summary>A duplicate or false report.</summary>
    Dismissed,

    /// <summary>A duplicate of another incident, closed into it (<see cref="Incident.MergeInto"/>): its reports moved there.</summary>
    Merged,
}

public static class IncidentStateMachine
{
    private static readonly Dictionary<IncidentState, IncidentState[]> Allowed = new()
    {
        [IncidentState.Reported] = [IncidentState.Warning, IncidentState.Response, IncidentState.Dismissed],
        [IncidentState.Warning] = [IncidentState.Response, IncidentState.Closed],
        [IncidentState.Response] = [IncidentState.Recovery],
        [IncidentState.Recovery] = [IncidentState.Closed],
        [IncidentState.Closed] = [],
        [IncidentState.Dismissed] = [],
        // Only a merge leads here (Incident.MergeInto), never an ordinary transition.
        [IncidentState.Merged] = [],
    };

    /// <summary>The states of an incident still being worked on (<see cref="IsOpen"/>), for queries that filter by them.</summary>
    public static readonly IncidentState[] OpenStates = [.. Enum.GetValues<IncidentState>().Where(s => s.IsOpen())];

    public static IReadOnlyList<IncidentState> NextStates(IncidentState from) => Allowed[from];

    public static bool CanTransition(IncidentState from, IncidentState to) => Allowed[from].Contains(to);

    /// <summary>
    /// The working phase an incident in this state is in; an unverified report is handled under warning-phase
    /// rules until it is verified. Closed and dismissed incidents are in no phase.
    /// </summary>
    public static Phases Phase(this IncidentState state) => state switch
    {
        IncidentState.Reported or IncidentState.Warning => Phases.Warning,
        IncidentState.Response => Phases.Response,
        IncidentState.Recovery => Phases.Recovery,
        _ => Phases.None,
    };

    /// <summary>Refuses any change to a closed or dismissed incident, with one message wherever it is asked.</summary>
    public static void EnsureOpen(this IncidentState state)
    {
        if (state.WhyNotOpen() is { } why)
        {
            throw new DomainRuleException(why);
        }
    }

    /// <summary>Why nothing more can change on an incident in this state; null while it is open.</summary>
    public static Phrase? WhyNotOpen(this IncidentState state) =>
        state.IsOpen() ? null : new("Rule.Incident.NotOpen", "The incident is {0}; nothing more can be changed on it.", new Term(state, Lower: true));

    public static bool IsOpen(this IncidentState state) =>
        state is not (IncidentState.Closed or IncidentState.Dismissed or IncidentState.Merged);
}
