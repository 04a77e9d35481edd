using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Incidents;

public enum TaskState
{
    Open,
    Assigned,
    Accepted,
    Declined,
    InProgress,
    Done,
    Cancelled,
}

public enum TaskPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>
/// A piece of work in an incident, given to one organisation of any kind:
/// Open → Assigned → Accepted | Declined (with a reason) → InProgress → Done, or Cancelled; an organisation
/// may claim an Open task (it is then Accepted by it). A declined or assigned task can be reassigned.
/// </summary>
public sealed class IncidentTask
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    private IncidentTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public Phases Phase { get; private set; }

    public Guid? ObjectiveId { get; private set; }

    public TaskPriority Priority { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Resource types the work needs (codes from the catalogue).</summary>
    public List<string> RequiredResourceTypes { get; private set; } = [];

    public TaskState State { get; private set; }

    public Guid? AssignedOrganisationId { get; private set; }

    /// <summary>Why the organisation declined, or why the task was cancelled.</summary>
    public string Reason { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    public uint Version { get; private set; }

    public static IncidentTask Create(
        Guid incidentId, string title, string description, Phases phase, Guid? objectiveId, TaskPriority priority,
        DateTimeOffset? dueAt, IEnumerable<string> requiredResourceTypes, Guid? by, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            Title = title.Trim(),
            Description = description.Trim(),
            Phase = phase,
            ObjectiveId = objectiveId,
            Priority = priority,
            DueAt = dueAt,
            RequiredResourceTypes = [.. requiredResourceTypes.Distinct()],
            State = TaskState.Open,
            CreatedAt = now,
            CreatedByUserId = by,
            StateChangedAt = now,
        };

    public bool IsFinished => State is TaskState.Done or TaskState.Cancelled;

    /// <summary>Gives the task to an organisation; reassigns it if it was assigned or declined.</summary>
    public void AssignTo(Guid organisationId, DateTimeOffset now)
    {
        Require(TaskMove.Assign);
        if (State == TaskState.Assigned && AssignedOrganisationId == organisationId)
        {
            throw new DomainRuleException(new("Rule.Task.AlreadyAssigned", "The task is already assigned to this organisation."));
        }

        AssignedOrganisationId = organisationId;
        Reason = "";
        Move(TaskState.Assigned, now);
    }

    /// <summary>An organisation takes an open task on itself.</summary>
    public void Claim(Guid organisationId, DateTimeOffset now)
    {
        Require(TaskMove.Claim);
        AssignedOrganisationId = organisationId;
        Move(TaskState.Accepted, now);
    }

    public void Accept(DateTimeOffset now)
    {
        Require(TaskMove.Accept);
        Move(TaskState.Accepted, now);
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        Require(TaskMove.Decline);
        Reason = reason.Trim();
        Move(TaskState.Declined, now);
    }

    public void Start(DateTimeOffset now)
    {
        Require(TaskMove.Start);
        Move(TaskState.InProgress, now);
    }

    public void Complete(DateTimeOffset now)
    {
        Require(TaskMove.Complete);
        Move(TaskState.Done, now);
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        Require(TaskMove.Cancel);
        Reason = reason.Trim();
        Move(TaskState.Cancelled, now);
    }

    private void Require(TaskMove move)
    {
        if (State.WhyNot(move) is { } why)
        {
            throw new DomainRuleException(why);
        }
    }

    private void Move(TaskState to, DateTimeOffset now)
    {
        State = to;
        StateChangedAt = now;
    }
}
