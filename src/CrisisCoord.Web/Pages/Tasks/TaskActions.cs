using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CrisisCoord.Web.Pages.Tasks;

/// <summary>One card on a board: the task, and which one-click moves this reader may make on it.</summary>
public sealed record TaskCard(TaskDto Task, IReadOnlyList<string> Moves, IReadOnlyList<ParticipantDto> AssignTo, string ReturnUrl);

/// <summary>
/// The moves a card offers and the one place that sends them, shared by the incident board and "my tasks".
/// A refused move comes back as a message above the board; nothing is lost, since the board shows the current state.
/// </summary>
public static class TaskActions
{
    public static IReadOnlyList<string> MovesFor(TaskDto task, Func<string, bool> isInRole, Guid? myOrganisation, bool myOrganisationTakesPart)
    {
        var coordinator = AccessPolicy.RoleMaySend<AssignTaskCommand>(isInRole);
        var worker = AccessPolicy.RoleMaySend<AcceptTaskCommand>(isInRole) && !isInRole(Roles.Auditor);
        var mine = myOrganisation is not null && task.AssignedOrganisationId == myOrganisation;
        var moves = new List<string>();
        switch (task.State)
        {
            case TaskState.Open when worker && myOrganisationTakesPart:
                moves.Add("claim");
                break;
            case TaskState.Assigned when worker && mine:
                moves.AddRange(["accept", "decline"]);
                break;
            case TaskState.Accepted when worker && mine:
                moves.Add("start");
                break;
            case TaskState.InProgress when worker && mine:
                moves.Add("complete");
                break;
        }

        if (coordinator && task.State is TaskState.Open or TaskState.Assigned or TaskState.Declined)
        {
            moves.Add("assign");
        }

        if (coordinator && task.State is not (TaskState.Done or TaskState.Cancelled))
        {
            moves.Add("cancel");
        }

        return moves;
    }

    public static Task<string> MoveAsync(ISender sender, string move, Guid task, uint version, Guid? organisation, string? reason, CancellationToken ct) =>
        PageActions.TryAsync(async () =>
        {
            var moved = move switch
            {
                "assign" => await sender.Send(new AssignTaskCommand { Id = task, Version = version, OrganisationId = organisation }, ct),
                "accept" => await sender.Send(new AcceptTaskCommand { Id = task, Version = version }, ct),
                "decline" => await sender.Send(new DeclineTaskCommand { Id = task, Version = version, Reason = reason }, ct),
                "start" => await sender.Send(new StartTaskCommand { Id = task, Version = version }, ct),
                "complete" => await sender.Send(new CompleteTaskCommand { Id = task, Version = version }, ct),
                "cancel" => await sender.Send(new CancelTaskCommand { Id = task, Version = version, Reason = reason }, ct),
                "claim" => await sender.Send(new ClaimTaskCommand { Id = task, Version = version }, ct),
                _ => throw new ValidationException($"'{move}' is not something a task can do."),
            };
            return $"“{moved.Title}” is now {Display.TaskState(moved.State)}.";
        });

    public static void Flash(ITempDataDictionary tempData, string message) => tempData["Flash"] = message;
}
