namespace CrisisCoord.Domain.Charters;

/// <summary>The three working phases of a crisis, as a set so a charter entry can cover several.</summary>
[Flags]
public enum Phases
{
    None = 0,
    Warning = 1,
    Response = 2,
    Recovery = 4,
    All = Warning | Response | Recovery,
}

public static class PhasesExtensions
{
    public static readonly Phases[] Each = [Phases.Warning, Phases.Response, Phases.Recovery];

    /// <summary>"WRV"-style shorthand, as in the charter tables: W warning, R response, V recovery.</summary>
    public static string Shorthand(this Phases phases) =>
        phases == Phases.None
            ? "—"
            : string.Concat(
                phases.HasFlag(Phases.Warning) ? "W" : "",
                phases.HasFlag(Phases.Response) ? "R" : "",
                phases.HasFlag(Phases.Recovery) ? "V" : "");
}
