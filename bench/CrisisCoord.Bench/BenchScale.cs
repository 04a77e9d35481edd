namespace CrisisCoord.Bench;

/// <summary>How much data a run generates. Full is the crisis day of issue 14; small proves the harness in seconds.</summary>
/// <param name="Name">full or small, as given to --scale.</param>
/// <param name="Organisations">Organisations in the registry, the bench's own four included.</param>
/// <param name="Incidents">Incidents in every state.</param>
/// <param name="OpenIncidents">Of those, open (reported, warning, response, recovery): what the dashboard shows.</param>
/// <param name="Events">Timeline events in all chains together, the registry's included.</param>
/// <param name="Resources">Resources held across the organisations.</param>
/// <param name="AssignableTasks">Open tasks, each assigned once by the task-assignment scenario.</param>
/// <param name="BusiestShare">The busiest incident's share of the events: the incident page at its largest.</param>
public sealed record BenchScale(
    string Name, int Organisations, int Incidents, int OpenIncidents, int Events, int Resources, int AssignableTasks, double BusiestShare)
{
    public static readonly BenchScale Full = new("full", 500, 10_000, 2_000, 1_000_000, 50_000, 60_000, 0.05);

    public static readonly BenchScale Small = new("small", 30, 200, 40, 10_000, 500, 2_000, 0.05);

    public static BenchScale Named(string name) => name switch
    {
        "full" => Full,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown scale '{name}': full or small.", nameof(name)),
    };
}
