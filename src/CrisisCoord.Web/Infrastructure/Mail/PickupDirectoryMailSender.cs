using CrisisCoord.Application.Mail;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure.Mail;

/// <summary>Writes each message as an .eml file (any mail program opens one) instead of sending it: for demos and development.</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory!;
        Directory.CreateDirectory(directory);
        // Named by time first, so a listing shows the newest last; the kind says what it is without opening it.
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{mail.Kind}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(directory, name);
        // Written under a temporary name and then renamed, so a reader never sees half a message.
        var partial = path + ".part";
        await MimeMail.From(mail, options.Value).WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
    }
}
