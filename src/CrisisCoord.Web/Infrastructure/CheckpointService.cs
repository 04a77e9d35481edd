using CrisisCoord.Application.Data;
using CrisisCoord.Application.Timeline;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure;

public static class TimelineSetup
{
    public static IServiceCollection AddCrisisCoordTimeline(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Checked when the app starts: a missing, malformed or published key stops it with a clear message.
        services.AddOptions<TimelineOptions>()
            .Bind(configuration.GetSection(TimelineOptions.Section))
            .Validate(o => o.Problem(environment.IsDevelopment()) is null, "Timeline is not usable: " +
                "set Timeline__CheckpointSigningKey to an ECDSA P-256 private key in PEM (docs/operations.md shows how to make one).")
            .ValidateOnStart();
        services.AddSingleton<CheckpointSigner>();
        services.AddHostedService<CheckpointService>();
        return services;
    }
}

/// <summary>
/// Signs the head of every chain that grew, every <see cref="TimelineOptions.CheckpointInterval"/>, so
/// an auditor always has recent checkpoints to download even if nobody asked for one.
/// </summary>
public sealed partial class CheckpointService(
    IServiceScopeFactory scopes,
    CheckpointSigner signer,
    TimeProvider clock,
    IOptions<TimelineOptions> options,
    ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>One round: checkpoints every chain that grew since its last checkpoint.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var taken = await Checkpoints.TakeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), signer, clock, null, ct);
            if (taken.Count > 0)
            {
                LogTaken(taken.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next round tries again; a database that is down must not stop the service.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeline: signed checkpoints for {Count} chain(s)")]
    private partial void LogTaken(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timeline: periodic checkpoint failed; retrying at the next interval")]
    private partial void LogFailed(Exception ex);
}
