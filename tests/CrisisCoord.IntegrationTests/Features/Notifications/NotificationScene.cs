using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Notifications;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Notifications;

/// <summary>What the notification tests do besides calling the API: run the background rounds as the services would.</summary>
public static class NotificationScene
{
    /// <summary>One round of the outbox sender, with the app's mail sender or <paramref name="sender"/> in its place.</summary>
    public static async Task<int> SendOutboxAsync(this CrisisCoordApp app, IMailSender? sender = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = new NotificationOutbox(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            sender ?? scope.ServiceProvider.GetRequiredService<IMailSender>(),
            app.Clock);
        return await outbox.RunOnceAsync(50, CancellationToken.None);
    }

    /// <summary>One round of the hourly digest, as the watch runs it.</summary>
    public static async Task<int> BuildDigestsAsync(this CrisisCoordApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await NotificationWatch.BuildDigestsAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<PortalLinks>(), app.Clock.GetUtcNow(), CancellationToken.None);
    }

    public static async Task<JsonObject> InboxAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/v1/me/notifications"))!;

    public static async Task SetDeliveryAsync(HttpClient client, string kind, string delivery)
    {
        var response = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = new[] { new { kind, delivery } } });
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>A sender that fails its first call, before anything reaches the server (a refused connection), then sends for real.</summary>
public sealed class FailingOnceSender(IMailSender real) : IMailSender
{
    public int Calls { get; private set; }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (++Calls == 1)
        {
            throw new IOException("connection refused (injected)");
        }

        await real.SendAsync(mail, cancellationToken);
    }
}
