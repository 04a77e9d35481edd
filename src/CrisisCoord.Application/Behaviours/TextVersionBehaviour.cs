using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using Mediator;

namespace CrisisCoord.Application.Behaviours;

/// <summary>
/// What a query returns, in the reader's language where the text has an agreed version (ADR 0038): one place for every
/// page and the API alike, after the handler, so no query has to know. Commands return what they stored.
/// </summary>
public sealed class TextVersionBehaviour<TMessage, TResponse>(TextVersions versions, AppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseQuery
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var forReader = await versions.ForAsync(Languages.Current, db, cancellationToken);
        TextVersions.UseForReader(forReader);
        var response = await next(message, cancellationToken);
        return TextVersions.Apply(response, forReader);
    }
}
