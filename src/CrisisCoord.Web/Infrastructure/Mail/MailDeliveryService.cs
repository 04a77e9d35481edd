using System.Threading.Channels;
using CrisisCoord.Application.Mail;

namespace CrisisCoord.Web.Infrastructure.Mail;

/// <summary>
/// Delivers committed mail one message at a time, after the request that queued it has been answered: a slow or
/// failing mail server never delays or fails anyone's request, and answers take the same time whether or not a
/// mail was queued. A failure is logged by kind only — never the address, body or links (which carry tokens),
/// nor the server's password — and the message is dropped: the person can ask again (ADR 0020).
/// </summary>
public sealed class MailDeliveryService(IMailSender sender, ILogger<MailDeliveryService> log) : BackgroundService, IMailQueue
{
    private readonly Channel<OutgoingMail> _queue = Channel.CreateUnbounded<OutgoingMail>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(OutgoingMail mail)
    {
        if (!_queue.Writer.TryWrite(mail))
        {
            log.LogWarning("A {MailKind} mail was not sent: the portal is shutting down", mail.Kind);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read until the queue is completed (at shutdown), not until stopping is signalled, so queued mail still goes.
        await foreach (var mail in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await sender.SendAsync(mail, CancellationToken.None);
                log.LogInformation("Delivered a {MailKind} mail", mail.Kind);
            }
            catch (Exception ex)
            {
                log.LogError("Could not deliver a {MailKind} mail: {ErrorType}: {Error}", mail.Kind, ex.GetType().Name, ex.Message);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } delivering)
        {
            // Finish what is queued, within the host's shutdown time.
            await delivering.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await base.StopAsync(cancellationToken);
    }
}
