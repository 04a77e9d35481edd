using CrisisCoord.Application.Features.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>The caller's own inbox and notification preferences, under /me.</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/me").WithTags("Notifications");
        group.MapGet("/notifications", ListMyNotifications).WithName(nameof(ListMyNotifications)).ProducesValidationProblem();
        group.MapPost("/notifications/{id:guid}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead));
        group.MapPost("/notifications/read", MarkAllNotificationsRead).WithName(nameof(MarkAllNotificationsRead));
        group.MapGet("/notification-preferences", GetNotificationPreferences).WithName(nameof(GetNotificationPreferences));
        group.MapPut("/notification-preferences", SetNotificationPreferences).WithName(nameof(SetNotificationPreferences)).ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<NotificationList>> ListMyNotifications([AsParameters] ListMyNotificationsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<NoContent> MarkNotificationRead(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new MarkNotificationReadCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MarkedRead>> MarkAllNotificationsRead(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await sender.Send(new MarkAllNotificationsReadCommand(), ct)));

    private static async Task<Ok<NotificationPreferences>> GetNotificationPreferences(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetNotificationPreferencesQuery(), ct));

    private static async Task<Ok<NotificationPreferences>> SetNotificationPreferences(SetNotificationPreferencesCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    /// <summary>How many notifications were marked read.</summary>
    public sealed record MarkedRead(int Marked);
}
