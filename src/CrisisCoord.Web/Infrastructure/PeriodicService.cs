namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Work the portal does on its own every <see cref="Interval"/> (signing checkpoints, recording breaches):
/// each round in a fresh scope, a failed round logged and retried at the next, zero interval meaning off.
/// </summary>
public abstract partial class PeriodicService(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }

    protected TimeProvider Clock => clock;

    protected abstract TimeSpan Interval { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>One round; returns how many things it did (for the log).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var done = await RunAsync(scope.ServiceProvider, clock.GetUtcNow(), ct);
            if (done > 0)
            {
                LogDone(logger, Name, done);
            }

            return done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next round tries again; a database that is down must not stop the service.
            LogFailed(logger, ex, Name);
            return 0;
        }
    }

    protected abstract Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Count} done")]
    private static partial void LogDone(ILogger logger, string job, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception ex, string job);
}
