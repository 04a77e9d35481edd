using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Domain.Incidents;

/// <summary>Thresholds for the balance warnings (DOMAIN "Balance"); configurable.</summary>
public sealed record BalanceRules(decimal MonopolyShare = 0.6m, int MonopolyMinimumParticipants = 3, decimal MonopolyHhi = 0.5m, TimeSpan? UnassignedFor = null, TimeSpan? UnacknowledgedFor = null, TimeSpan? UnansweredFor = null, int MonopolyMinimumTasks = 3)
{
    public static readonly BalanceRules Default = new();

    public TimeSpan UnassignedLimit => UnassignedFor ?? TimeSpan.FromHours(1);

    public TimeSpan UnacknowledgedLimit => UnacknowledgedFor ?? TimeSpan.FromHours(1);

    /// <summary>How long an organisation asked to answer a resource request may leave it unanswered.</summary>
    public TimeSpan UnansweredLimit => UnansweredFor ?? TimeSpan.FromHours(4);
}

public sealed record Share(string Name, int Count, decimal Fraction);

/// <summary>
/// How evenly the active work of a phase is spread: each organisation's and each kind's share of active
/// tasks, the Herfindahl–Hirschman index (sum of squared shares: 1 = one organisation does everything),
/// and the two warnings — monopoly (one organisation dominates) and limbo (work or leadership left hanging),
/// said as phrases (ADR 0037) whose keys tell the two apart (<see cref="Balance.MonopolyKey"/>, <see cref="Balance.LimboKey"/>).
/// </summary>
public sealed record BalanceReport(
    int ActiveTasks,
    IReadOnlyList<Share> ByOrganisation,
    IReadOnlyList<Share> ByKind,
    decimal Hhi,
    IReadOnlyList<Phrase> Warnings)
{
    /// <summary>Live resource commitments in the incident.</summary>
    public int CommittedResources { get; init; }

    /// <summary>Each organisation's share of the live resource commitments.</summary>
    public IReadOnlyList<Share> ResourcesByOrganisation { get; init; } = [];

    /// <summary>Each kind's share of the live resource commitments.</summary>
    public IReadOnlyList<Share> ResourcesByKind { get; init; } = [];

    public bool Monopoly => Warnings.Any(w => w.Key.StartsWith(Balance.MonopolyKey, StringComparison.Ordinal));

    public bool Limbo => Warnings.Any(w => w.Key.StartsWith(Balance.LimboKey, StringComparison.Ordinal));
}

public static class Balance
{
    public static readonly TaskState[] Active = [TaskState.Assigned, TaskState.Accepted, TaskState.InProgress];

    /// <summary>What the text key of every monopoly warning starts with.</summary>
    public const string MonopolyKey = "Balance.Monopoly.";

    /// <summary>What the text key of every limbo warning starts with.</summary>
    public const string LimboKey = "Balance.Limbo.";

    /// <summary>Shares and HHI of a list of (organisation, kind) holders of active tasks.</summary>
    public static BalanceReport Compute(
        IReadOnlyList<(string Organisation, OrganisationKind Kind)> activeTaskHolders,
        int participants,
        bool hasLead,
        int openUnassignedTooLong,
        int unacknowledgedTooLong,
        bool inResponse,
        BalanceRules rules,
        IReadOnlyList<(string Organisation, OrganisationKind Kind)>? committedResourceHolders = null,
        int unansweredRequestsTooLong = 0)
    {
        var total = activeTaskHolders.Count;
        var byOrganisation = Shares(activeTaskHolders.Select(h => h.Organisation), total);
        var byKind = Shares(activeTaskHolders.Select(h => h.Kind.ToString()), total);
        var hhi = byOrganisation.Sum(s => s.Fraction * s.Fraction);

        var warnings = new List<Phrase>();
        // One or two tasks are always "concentrated"; concentration means something once there is work to share.
        var enoughWork = total >= rules.MonopolyMinimumTasks;
        if (enoughWork && byOrganisation.FirstOrDefault() is { } top && participants >= rules.MonopolyMinimumParticipants && top.Fraction > rules.MonopolyShare)
        {
            warnings.Add(new Phrase("Balance.Monopoly.Share", "Monopoly: {0} holds {1:0}% of the active tasks among {2} organisations taking part.", top.Name, top.Fraction * 100, participants));
        }
        else if (enoughWork && participants >= 2 && hhi > rules.MonopolyHhi)
        {
            warnings.Add(new Phrase("Balance.Monopoly.Concentrated", "Monopoly: the work is concentrated (HHI {0:0.00}, above {1:0.00}).", hhi, rules.MonopolyHhi));
        }

        if (!hasLead)
        {
            warnings.Add(new Phrase("Balance.Limbo.NoLead", "Limbo: no lead organisation is named."));
        }

        if (inResponse && openUnassignedTooLong > 0)
        {
            warnings.Add(new Phrase("Balance.Limbo.Unassigned", "Limbo: {0} task(s) open and unassigned for more than {1:0} minutes.", openUnassignedTooLong, rules.UnassignedLimit.TotalMinutes));
        }

        if (unacknowledgedTooLong > 0)
        {
            warnings.Add(new Phrase("Balance.Limbo.Unacknowledged", "Limbo: {0} assigned task(s) not accepted or declined within {1:0} minutes.", unacknowledgedTooLong, rules.UnacknowledgedLimit.TotalMinutes));
        }

        if (unansweredRequestsTooLong > 0)
        {
            warnings.Add(new Phrase("Balance.Limbo.Unanswered", "Limbo: {0} organisation(s) asked for resources have not answered within {1:0.#} hours.", unansweredRequestsTooLong, rules.UnansweredLimit.TotalHours));
        }

        var resources = committedResourceHolders ?? [];
        return new BalanceReport(total, byOrganisation, byKind, Math.Round(hhi, 4), warnings)
        {
            CommittedResources = resources.Count,
            ResourcesByOrganisation = Shares(resources.Select(h => h.Organisation), resources.Count),
            ResourcesByKind = Shares(resources.Select(h => h.Kind.ToString()), resources.Count),
        };
    }

    private static List<Share> Shares(IEnumerable<string> holders, int total) =>
        [.. holders.GroupBy(h => h)
            .Select(g => new Share(g.Key, g.Count(), total == 0 ? 0 : Math.Round((decimal)g.Count() / total, 4)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Name, StringComparer.Ordinal)];
}
