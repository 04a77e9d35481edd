using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) listening on loopback inside the test process: the app sends through
/// MailKit over a real socket, and tests read what arrived. One server serves the whole test run; tests tell their
/// mail apart by the (unique) recipient address.
/// </summary>
public sealed partial class TestMailServer
{
    private static readonly Lazy<TestMailServer> Instance = new(() => new TestMailServer());

    private readonly ConcurrentQueue<MimeMessage> _received = new();

    private TestMailServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        // Runs for the life of the test process.
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(CancellationToken.None);
    }

    public static TestMailServer Shared => Instance.Value;

    public int Port { get; }

    /// <summary>Every message received so far for this address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits (up to ten seconds) until <paramref name="count"/> messages for this address have arrived, and returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (To(address) is { } received && received.Count >= count)
            {
                return received;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"{count} mail(s) to {address} expected; {To(address).Count} arrived.");
    }

    /// <summary>The one link in a message's text that carries a token.</summary>
    public static Uri LinkIn(MimeMessage message) =>
        new(Link().Matches(message.TextBody ?? "").Select(m => m.Value).Single(link => link.Contains("token=", StringComparison.Ordinal)));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
