using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Recovery;

/// <summary>What a recovery project may spend: an amount in one currency (ISO 4217 code, e.g. CNY).</summary>
public readonly record struct Budget(decimal Amount, string Currency)
{
    /// <summary>Above any one project's budget; a larger number is a typing slip.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    public bool IsValid => Amount >= 0 && Amount <= MaxAmount && decimal.Round(Amount, 2) == Amount && IsCurrencyCode(Currency);
}

/// <summary>
/// Longer recovery work on an incident (rebuilding, restoring a lifeline, clean-up) owned by one organisation of any
/// kind whose charter lets it own recovery projects, with a budget and milestones. Its progress is the share of its
/// milestones done; it may feed one of the incident's recovery-phase objectives.
/// </summary>
public sealed class RecoveryProject
{
    public const int TitleMaxLength = 200;
    public const int MaxMilestones = 50;

    private readonly List<Milestone> _milestones = [];

    private RecoveryProject()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    /// <summary>The organisation that owns the work: it marks milestones done.</summary>
    public Guid OwnerOrganisationId { get; private set; }

    public string Title { get; private set; } = "";

    public decimal BudgetAmount { get; private set; }

    public string BudgetCurrency { get; private set; } = "";

    /// <summary>The recovery-phase objective of the incident this project feeds.</summary>
    public Guid? ObjectiveId { get; private set; }

    public Guid? StartedBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public uint Version { get; private set; }

    public Budget Budget => new(BudgetAmount, BudgetCurrency);

    /// <summary>0–100: the milestones done out of all of them; a project with none has not shown progress yet.</summary>
    public static int Percent(int done, int total) => total <= 0 ? 0 : (int)Math.Round(done * 100m / total, MidpointRounding.AwayFromZero);

    public int PercentDone => Percent(_milestones.Count(m => m.Done), _milestones.Count);

    public static RecoveryProject Start(
        Guid incidentId, Guid ownerOrganisationId, string title, Budget budget, Guid? objectiveId,
        IReadOnlyList<(string Title, DateOnly DueOn)> milestones, Guid? startedBy, DateTimeOffset now)
    {
        var at = Microseconds.Truncate(now);
        var project = new RecoveryProject
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            OwnerOrganisationId = ownerOrganisationId,
            StartedBy = startedBy,
            StartedAt = at,
        };
        project.Edit(title, budget, objectiveId, at);
        foreach (var (milestone, due) in milestones)
        {
            project.AddMilestone(milestone, due, at);
        }

        return project;
    }

    public void Edit(string title, Budget budget, Guid? objectiveId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("A project has a title.", nameof(title));
        }

        if (!budget.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "A budget is a non-negative amount with at most two decimals in a three-letter currency.");
        }

        Title = title.Trim();
        BudgetAmount = budget.Amount;
        BudgetCurrency = budget.Currency;
        ObjectiveId = objectiveId;
        UpdatedAt = Microseconds.Truncate(now);
    }

    public Milestone AddMilestone(string title, DateOnly dueOn, DateTimeOffset now)
    {
        if (_milestones.Count >= MaxMilestones)
        {
            throw new DomainRuleException(new("Rule.Project.TooManyMilestones", "A project has at most {0} milestones.", MaxMilestones));
        }

        var milestone = new Milestone(Id, _milestones.Count, title.Trim(), dueOn);
        _milestones.Add(milestone);
        UpdatedAt = Microseconds.Truncate(now);
        return milestone;
    }

    /// <summary>The owner marks a milestone done, or not done after all.</summary>
    public Milestone MarkMilestone(Guid milestoneId, bool done, DateTimeOffset now)
    {
        var milestone = _milestones.SingleOrDefault(m => m.Id == milestoneId)
            ?? throw new DomainRuleException(new("Rule.Project.NoSuchMilestone", "This project has no such milestone."));
        milestone.Mark(done, now);
        // The project's row changes too, so the mark is on the incident's chain and an open edit of the project is stale.
        UpdatedAt = Microseconds.Truncate(now);
        return milestone;
    }
}

/// <summary>A step of a recovery project, due on a day, done or not.</summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 200;

    private Milestone()
    {
    }

    internal Milestone(Guid projectId, int position, string title, DateOnly dueOn)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Position = position;
        Title = title;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The order the milestones were listed in.</summary>
    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public bool Done { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    internal void Mark(bool done, DateTimeOffset now)
    {
        Done = done;
        DoneAt = done ? Microseconds.Truncate(now) : null;
    }
}
