using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Live;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CrisisCoord.IntegrationTests.Features.Live;

/// <summary>One instance of the portal with the Redis backplane on (<c>Live:Redis</c>).</summary>
public sealed class BackplaneApp : CrisisCoordApp
{
    private readonly string _redis;

    public BackplaneApp(string redis)
        : base("scaleout") => _redis = redis;

    public BackplaneApp(TestDatabase shared, string redis)
        : base(shared) => _redis = redis;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Live:Redis", _redis);
    }
}

/// <summary>Two instances of the portal on one database and one Redis server, as behind a load balancer.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly RedisServer _redis = new();

    public BackplaneApp First { get; private set; } = null!;

    public BackplaneApp Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        First = new BackplaneApp(_redis.Endpoint);
        await First.InitializeAsync();
        Second = new BackplaneApp(First.Database, _redis.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
        await _redis.DisposeAsync();
    }
}

public sealed class ScaleOutTests(TwoInstances instances) : IClassFixture<TwoInstances>, IAsyncLifetime
{
    public Task InitializeAsync() => instances.First.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_change_committed_on_one_instance_reaches_a_screen_connected_to_the_other()
    {
        var scene = await TaskScene.CreateAsync(instances.First);
        await using var watcher = await LiveWatcher.ConnectAsync(instances.Second, await PageClient.SignedInAsync(instances.Second, scene.Ngo));
        await watcher.WatchAsync(LiveTopics.Incident(scene.Incident));

        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/log", new { text = "Boats launched" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created, "posted to the first instance");

        (await watcher.NextAsync()).ShouldBe(LiveTopics.Incident(scene.Incident));
    }
}
