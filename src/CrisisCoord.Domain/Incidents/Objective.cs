using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Incidents;

public enum ObjectiveStatus
{
    Open,
    Met,
    /// <summary>Given up on purpose, with a reason (e.g. overtaken by events).</summary>
    Waived,
}

/// <summary>
/// A measurable aim for one phase of an incident: a number with a unit ("evacuate 3,000 people"), or
/// done / not done ("reopen the Liuzhuang road") when there is no target. Reaching the target meets it.
/// </summary>
public sealed class Objective
{
    public const int TitleMaxLength = 200;
    public const int UnitMaxLength = 40;
    public const int ReasonMaxLength = 500;

    /// <summary>Progress may overshoot a target (more meals served than planned), but not absurdly.</summary>
    public const decimal MaxOvershoot = 10;

    private Objective()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Phases Phase { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The number to reach, or null for done / not done.</summary>
    public decimal? Target { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal Progress { get; private set; }

    public ObjectiveStatus Status { get; private set; }

    public string WaiverReason { get; private set; } = "";

    public DateTimeOffset SetAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsSettled => Status is ObjectiveStatus.Met or ObjectiveStatus.Waived;

    public static Objective Set(Guid incidentId, Phases phase, string title, decimal? target, string unit, DateTimeOffset now)
    {
        if (phase is not (Phases.Warning or Phases.Response or Phases.Recovery))
        {
            throw new ArgumentOutOfRangeException(nameof(phase), "An objective belongs to one phase.");
        }

        if (target is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "A target must be more than zero.");
        }

        return new Objective
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            Phase = phase,
            Title = title.Trim(),
            Target = target,
            Unit = target is null ? "" : unit.Trim(),
            Status = ObjectiveStatus.Open,
            SetAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Reports where things stand: a number towards the target, or done (1) / not done (0).</summary>
    public void RecordProgress(decimal value, DateTimeOffset now)
    {
        if (Status == ObjectiveStatus.Waived)
        {
            throw new DomainRuleException(new("Rule.Objective.Waived", "This objective was waived; progress is no longer recorded."));
        }

        var most = Target is { } target ? target * MaxOvershoot : 1;
        if (value < 0 || value > most)
        {
            throw new DomainRuleException(Target is null
                ? new Phrase("Rule.Objective.DoneOrNot", "Progress on a done / not done objective is 0 (not done) or 1 (done).")
                : new Phrase("Rule.Objective.ProgressRange", "Progress must be between 0 and {0:0.##} {1} (ten times the target).", most, Unit));
        }

        Progress = value;
        Status = value >= (Target ?? 1) ? ObjectiveStatus.Met : ObjectiveStatus.Open;
        UpdatedAt = now;
    }

    public void Waive(string reason, DateTimeOffset now)
    {
        if (IsSettled)
        {
            throw new DomainRuleException(new("Rule.Objective.AlreadySettled", "This objective is already {0}.", new Term(Status, Lower: true)));
        }

        Status = ObjectiveStatus.Waived;
        WaiverReason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>0–100, for a progress bar.</summary>
    public static int Percent(decimal progress, decimal? target) =>
        (int)Math.Clamp(Math.Round(progress / (target ?? 1) * 100), 0, 100);
}
