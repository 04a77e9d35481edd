using CrisisCoord.Application.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure.Mail;

/// <summary>Sends each message over its own SMTP connection (MailKit): mail is rare enough that a pool is not worth its failure modes.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security switch
        {
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password!, cancellationToken);
        }

        await client.SendAsync(MimeMail.From(mail, settings), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
