using CrisisCoord.Application.Data;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Domain.Obligations;

namespace CrisisCoord.Web.Infrastructure;

public static class NotificationServices
{
    /// <summary>The notifier handlers write through, the outbox sender, and the watches for due-soon obligations and digests.</summary>
    public static IServiceCollection AddCrisisCoordNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationOutbox>();
        services.AddHostedService<NotificationMailService>();
        services.AddHostedService<NotificationWatchService>();
        return services;
    }
}

/// <summary>
/// Sends the notification e-mail outbox every <c>Notifications:MailInterval</c> (default 15 seconds): claimed rows,
/// one stable Message-ID each, retried with back-off, never sent twice (ADR 0024).
/// </summary>
public sealed class NotificationMailService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<NotificationMailService> logger) : PeriodicService(scopes, clock, logger)
{
    protected override string Name => "Notification e-mails sent";

    protected override TimeSpan Interval => configuration.GetValue("Notifications:MailInterval", TimeSpan.FromSeconds(15));

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        services.GetRequiredService<NotificationOutbox>().RunOnceAsync(configuration.GetValue("Notifications:MailBatch", 50), ct);
}

/// <summary>
/// Every <c>Notifications:WatchInterval</c> (default one minute): tells organisations of obligations falling due within
/// <c>Notifications:DueSoonWithin</c> (default 15 minutes), and puts each ended hour's digest items into one mail per person.
/// </summary>
public sealed class NotificationWatchService(
    IServiceScopeFactory scopes,
    ObligationRules rules,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<NotificationWatchService> logger) : PeriodicService(scopes, clock, logger)
{
    protected override string Name => "Notifications of due obligations and digests written";

    protected override TimeSpan Interval => configuration.GetValue("Notifications:WatchInterval", TimeSpan.FromMinutes(1));

    protected override async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var within = configuration.GetValue("Notifications:DueSoonWithin", TimeSpan.FromMinutes(15));
        var due = await NotificationWatch.NotifyDueSoonAsync(db, services.GetRequiredService<Notifier>(), rules, within, now, ct);
        return due + await NotificationWatch.BuildDigestsAsync(db, services.GetRequiredService<PortalLinks>(), now, ct);
    }
}
