namespace CrisisCoord.Application.Mail;

/// <summary>Delivers one message now (to an SMTP server, or as a file in a pickup directory); throws when it cannot.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Takes committed mail and delivers it in the background, so nobody's request waits for (or fails with) the mail server.</summary>
public interface IMailQueue
{
    void Enqueue(OutgoingMail mail);
}
