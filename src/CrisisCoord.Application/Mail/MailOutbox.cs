using CrisisCoord.Application.Behaviours;

namespace CrisisCoord.Application.Mail;

/// <summary>
/// The mail a use case wants sent once its work is committed. Handlers add to it;
/// <see cref="MailAfterCommitBehaviour{TMessage, TResponse}"/> hands it to the <see cref="IMailQueue"/> when the
/// outermost message succeeds and drops it when it fails, so a refused or rolled-back command mails nobody.
/// </summary>
public sealed class MailOutbox
{
    private readonly List<OutgoingMail> _mail = [];

    /// <summary>How many messages are being handled in this scope (a handler may send another).</summary>
    internal int Depth { get; set; }

    /// <summary>
    /// Queues a message. A transaction retried after a transient failure runs its handler again, so a
    /// message of the same kind to the same person replaces the earlier one instead of going twice.
    /// </summary>
    public void Add(OutgoingMail mail)
    {
        _mail.RemoveAll(m => m.Kind == mail.Kind && string.Equals(m.ToAddress, mail.ToAddress, StringComparison.OrdinalIgnoreCase));
        _mail.Add(mail);
    }

    internal IReadOnlyList<OutgoingMail> TakeAll()
    {
        var taken = _mail.ToList();
        _mail.Clear();
        return taken;
    }
}
