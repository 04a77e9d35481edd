using System.Text;
using CrisisCoord.Application.Mail;
using MimeKit;
using MimeKit.Text;

namespace CrisisCoord.Web.Infrastructure.Mail;

/// <summary>An <see cref="OutgoingMail"/> as a MIME message: one text/plain UTF-8 part, never HTML.</summary>
internal static class MimeMail
{
    public static MimeMessage From(OutgoingMail mail, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress!));
        message.To.Add(new MailboxAddress(OneLine(mail.ToName), mail.ToAddress));
        message.Subject = mail.Subject;
        if (mail.MessageId is { } id)
        {
            message.MessageId = id;
        }

        // RFC 3834: an automatic message, so out-of-office replies are not sent back to it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, mail.Body);
        message.Body = body;
        return message;
    }

    /// <summary>A name may hold line breaks (it is free text); in a header it is one line.</summary>
    private static string OneLine(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(part => new string([.. part.Where(c => !char.IsControl(c))])));
}
