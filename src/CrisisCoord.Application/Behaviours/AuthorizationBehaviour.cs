using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Behaviours;

/// <summary>Refuses a message its sender may not send, before it is validated or touches data.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(AccessPolicy policy)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        await policy.AuthorizeAsync(message, cancellationToken);
        return await next(message, cancellationToken);
    }
}
