using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CrisisCoord.Web.Pages.Tasks;

/// <summary>One card on a board: the task, the one-click moves its capabilities allow, and whom it can be given to.</summary>
public sealed record TaskCard(TaskDto Task, IReadOnlyList<Act> Moves, IReadOnlyList<ParticipantDto> AssignTo, string ReturnUrl);

/// <summary>
/// The moves a card offers and the one place that sends them, shared by the incident board and "my tasks".
/// A refused move comes back as a message above the board; nothing is lost, since the board shows the current state.
/// </summary>
public static class TaskActions
{
    /// <summary>The task's acts, in the order a card shows them: the assignee's moves first, then the coordinator's.</summary>
    public static readonly IReadOnlyList<Act> All = [Act.ClaimTask, Act.AcceptTask, Act.DeclineTask, Act.StartTask, Act.CompleteTask, Act.AssignTask, Act.CancelTask];

    public static IReadOnlyList<Act> MovesFor(TaskDto task) =>
        task.Capabilities is { } capabilities ? [.. All.Where(capabilities.Can)] : [];

    public static Task<string> MoveAsync(ISender sender, Act move, Guid task, uint version, Guid? organisation, string? reason, CancellationToken ct) =>
        PageActions.TryAsync(async () =>
        {
            var moved = move switch
            {
                Act.AssignTask => await sender.Send(new AssignTaskCommand { Id = task, Version = version, OrganisationId = organisation }, ct),
                Act.AcceptTask => await sender.Send(new AcceptTaskCommand { Id = task, Version = version }, ct),
                Act.DeclineTask => await sender.Send(new DeclineTaskCommand { Id = task, Version = version, Reason = reason }, ct),
                Act.StartTask => await sender.Send(new StartTaskCommand { Id = task, Version = version }, ct),
                Act.CompleteTask => await sender.Send(new CompleteTaskCommand { Id = task, Version = version }, ct),
                Act.CancelTask => await sender.Send(new CancelTaskCommand { Id = task, Version = version, Reason = reason }, ct),
                Act.ClaimTask => await sender.Send(new ClaimTaskCommand { Id = task, Version = version }, ct),
                _ => throw new ValidationException(Texts.Format("Tasks.NotAMove", move)),
            };
            return Texts.Format("Tasks.Moved", moved.Title, Display.TaskState(moved.State));
        });

    public static void Flash(ITempDataDictionary tempData, string message) => tempData["Flash"] = message;
}
