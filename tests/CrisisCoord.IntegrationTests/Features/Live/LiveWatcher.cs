using System.Threading.Channels;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisCoord.IntegrationTests.Features.Live;

/// <summary>
/// A screen connected to the live hub as a page is: signed in with the page cookie, over long polling through
/// the test server. Keeps every topic it heard.
/// </summary>
public sealed class LiveWatcher : IAsyncDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private readonly HubConnection _connection;
    private readonly Channel<string> _heard = Channel.CreateUnbounded<string>();

    private LiveWatcher(HubConnection connection)
    {
        _connection = connection;
        connection.On<string>("changed", topic =>
        {
            Heard.Add(topic);
            _heard.Writer.TryWrite(topic);
        });
    }

    public List<string> Heard { get; } = [];

    public static async Task<LiveWatcher> ConnectAsync(CrisisCoordApp app, PageClient pages)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.ClientOptions.BaseAddress, "/live"), HttpTransportType.LongPolling, options =>
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(pages.Cookies) { InnerHandler = app.Server.CreateHandler() })
            .Build();
        var watcher = new LiveWatcher(connection);
        await connection.StartAsync();
        return watcher;
    }

    public Task<string[]> WatchAsync(params string[] topics) => _connection.InvokeAsync<string[]>("Watch", topics);

    /// <summary>The next topic heard, waiting a few seconds at most.</summary>
    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Soon);
        return await _heard.Reader.ReadAsync(timeout.Token);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
