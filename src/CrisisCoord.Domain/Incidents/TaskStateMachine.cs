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
    public static string? WhyNot(this TaskState state, TaskMove move) =>
        state.Allows(move) ? null
        : move == TaskMove.Cancel ? $"The task is already {state}."
        : $"The task is {state}; this needs it to be {string.Join(" or ", From[move])}.";
}
