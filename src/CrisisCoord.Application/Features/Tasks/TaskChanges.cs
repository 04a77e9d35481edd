using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Application.Features.Tasks;

/// <summary>What every change to a task carries: the task, and the version the sender saw (If-Match).</summary>
public abstract record TaskChange : ITaskMessage
{
    public Guid Id { get; init; }

    Guid ITaskMessage.TaskId => Id;

    public uint? Version { get; init; }
}

/// <summary>What every change of a task's state does: load (conditional), apply the domain rule, save, and read the task back.</summary>
public static class TaskChanges
{
    /// <summary>A change that is one call to the domain rule.</summary>
    public static ValueTask<TaskDto> ChangeAsync(AppDbContext db, TaskChange command, Action<IncidentTask> change, CancellationToken ct) =>
        ChangeAsync(db, command, task => Done(() => change(task)), ct);

    public static async ValueTask<TaskDto> ChangeAsync(AppDbContext db, TaskChange command, Func<IncidentTask, Task> change, CancellationToken ct)
    {
        var task = await db.LoadTaskForChangeAsync(command.Id, command.Version, ct);
        await change(task);
        await db.SaveChangesAsync(ct);
        return await TaskDto.LoadAsync(db, task.Id, ct);
    }

    private static Task Done(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
