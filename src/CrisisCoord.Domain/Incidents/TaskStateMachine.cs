using CrisisCoord.Domain.Common;
namespace CrisisCoord.Domain.Incidents;

/// <summary>What can be done to a task.</summary>
public enum TaskMove
{
    Assign,
    Claim,
    Accept,
    Decline,
    Start,
    Complete,
    Cancel,
}

/// <summary>
/// The task life cycle as one table: which states each move starts from. The entity enforces it and the
/// capability decision asks it, so a page never offers a move the task cannot make.
/// </summary>
public static class TaskStateMachine
{
    private static readonly Dictionary<TaskMove, TaskState[]> From = new()
    {
        [TaskMove.Assign] = [TaskState.Open, TaskState.Assigned, TaskState.Declined],
        [TaskMove.Claim] = [TaskState.Open],
        [TaskMove.Accept] = [TaskState.Assigned],
        [TaskMove.Decline] = [TaskState.Assigned],
        [TaskMove.Start] = [TaskState.Accepted],
        [TaskMove.Complete] = [TaskState.InProgress],
        [TaskMove.Cancel] = [TaskState.Open, TaskState.Assigned, TaskState.Accepted, TaskState.Declined, TaskState.InProgress],
    };

    public static bool Allows(this TaskState state, TaskMove move) => From[move].Contains(state);

    /// <summary>Why the task cannot make this move now, or null when it can.</summary>
    public static Phrase? WhyNot(this TaskState state, TaskMove move) =>
        state.Allows(move) ? null
        : move == TaskMove.Cancel ? new("Rule.Task.AlreadyIn", "The task is already {0}.", new Term(state))
        : new("Rule.Task.NeedsState", "The task is {0}; this needs it to be {1}.", new Term(state), new Either([.. From[move].Select(s => new Term(s))]));
}
