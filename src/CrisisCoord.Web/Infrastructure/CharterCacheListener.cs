using CrisisCoord.Application;
using CrisisCoord.Application.Security;
using Npgsql;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Keeps <see cref="CharterCache"/> honest across instances: LISTENs on the database's change channel on a
/// connection of its own and drops the cache on every notification. The cache keeps nothing while this is not
/// listening, so a lost connection costs speed (every request reads the charter again), never correctness.
/// </summary>
public sealed partial class CharterCacheListener(IConfiguration configuration, CharterCache cache, ILogger<CharterCacheListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A dead connection must be noticed while idle, or the cache would be kept without being told of changes.
        var connectionString = new NpgsqlConnectionStringBuilder(DependencyInjection.ConnectionString(configuration))
        {
            KeepAlive = 15,
            ApplicationName = "crisiscoord-charter-listener",
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => cache.Invalidate();
                await using (var listen = new NpgsqlCommand($"LISTEN {CharterCache.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                cache.Listening(true);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                cache.Listening(false);
                LogLost(logger, ex, RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                cache.Listening(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not hearing charter changes; every request reads its charter until reconnected (retrying in {Seconds} s)")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
