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
        // The auditors' public keys are checked on their own, beside (not inside) the signing key's checks.
        services.AddSingleton<IValidateOptions<TimelineOptions>, WitnessKeysValidation>();
        services.AddSingleton(sp => new WitnessKeys(sp.GetRequiredService<IOptions<TimelineOptions>>().Value.WitnessKeys));
        services.AddHostedService<CheckpointService>();
        services.AddHostedService<BreachWatchService>();
        return services;
    }
}

/// <summary>
/// Signs the head of every chain that grew, every <see cref="TimelineOptions.CheckpointInterval"/>, so
/// an auditor always has recent checkpoints to download even if nobody asked for one.
/// </summary>
public sealed class CheckpointService(
    IServiceScopeFactory scopes,
    CheckpointSigner signer,
    TimeProvider clock,
    IOptions<TimelineOptions> options,
    ILogger<CheckpointService> logger) : PeriodicService(scopes, clock, logger)
{
    protected override string Name => "Timeline checkpoints";

    protected override TimeSpan Interval => options.Value.CheckpointInterval;

    protected override async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        (await Checkpoints.TakeAsync(services.GetRequiredService<AppDbContext>(), signer, Clock, null, ct)).Count;
}

/// <summary>Stops start-up when a configured auditor key is not a P-256 public key (or is a private one).</summary>
public sealed class WitnessKeysValidation : IValidateOptions<TimelineOptions>
{
    public ValidateOptionsResult Validate(string? name, TimelineOptions options) =>
        WitnessKeys.Problem(options.WitnessKeys) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
