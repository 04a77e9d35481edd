using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Obligations;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Records each obligation breach on the timeline once, every <c>Obligations:WatchInterval</c> (default one
/// minute). What is overdue is computed from the data on every read as well; this only keeps the record.
/// </summary>
public sealed class BreachWatchService(
    IServiceScopeFactory scopes,
    ObligationRules rules,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<BreachWatchService> logger) : PeriodicService(scopes, clock, logger)
{
    protected override string Name => "Obligation breaches recorded";

    protected override TimeSpan Interval => configuration.GetValue("Obligations:WatchInterval", TimeSpan.FromMinutes(1));

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        BreachWatch.RecordNewAsync(
            services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimelineRecorder>(), services.GetRequiredService<Notifier>(), rules, now, ct);
}
