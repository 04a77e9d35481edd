using CrisisCoord.Application.Mail;
using Mediator;

namespace CrisisCoord.Application.Behaviours;

/// <summary>
/// Sits outside <see cref="TransactionBehaviour{TMessage, TResponse}"/>: the mail a message's handler queued is
/// handed over for delivery only once the message has succeeded, i.e. after its transaction committed, and is
/// dropped if it failed. Delivery happens in the background, so the answer never depends on the mail server.
/// </summary>
public sealed class MailAfterCommitBehaviour<TMessage, TResponse>(MailOutbox outbox, IMailQueue queue)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        outbox.Depth++;
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            if (outbox.Depth == 1)
            {
                outbox.TakeAll();
            }

            throw;
        }
        finally
        {
            outbox.Depth--;
        }

        if (outbox.Depth == 0)
        {
            foreach (var mail in outbox.TakeAll())
            {
                queue.Enqueue(mail);
            }
        }

        return response;
    }
}
