using CrisisCoord.Application.Live;
using StackExchange.Redis;

namespace CrisisCoord.Web.Infrastructure.Live;

/// <summary><c>Live:*</c>: live updates of open pages.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>). When set, every instance of the portal
    /// shares signals through Redis, so a change made on one instance reaches screens connected to another.
    /// Off by default: one instance needs no backplane.
    /// </summary>
    public string? Redis { get; set; }
}

public static class LiveSetup
{
    public static IServiceCollection AddCrisisCoordLive(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LiveOptions.Section).Get<LiveOptions>() ?? new LiveOptions();
        var signalR = services.AddSignalR(hub =>
        {
            // Pages send only topic names.
            hub.MaximumReceiveMessageSize = 4 * 1024;
            hub.EnableDetailedErrors = false;
        });
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            signalR.AddStackExchangeRedis(options.Redis, redis => redis.Configuration.ChannelPrefix = RedisChannel.Literal("crisiscoord"));
        }

        services.AddSingleton<ILiveSignals, HubLiveSignals>();
        return services;
    }

    public static IEndpointRouteBuilder MapCrisisCoordLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
