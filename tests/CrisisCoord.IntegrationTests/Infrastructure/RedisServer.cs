using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway Redis server for the scale-out tests: the distribution's redis-server (./test.sh installs it, or
/// CRISISCOORD_REDIS_SERVER names one), on a free loopback port, keeping nothing on disk.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string BinaryVariable = "CRISISCOORD_REDIS_SERVER";

    private Process? _process;

    public string Endpoint { get; private set; } = "";

    public async Task StartAsync()
    {
        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo(Binary())
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = $"127.0.0.1:{port}";

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (!_process.HasExited)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on {Endpoint}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static string Binary()
    {
        var configured = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server was not found. Install the distribution's 'redis-server' package (./test.sh does) or set " + BinaryVariable + ".");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
