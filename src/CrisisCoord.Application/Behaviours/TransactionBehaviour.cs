using CrisisCoord.Application.Data;
using Mediator;

namespace CrisisCoord.Application.Behaviours;

/// <summary>
/// Wraps each command in one database transaction inside EF's execution strategy, and saves the
/// handler's changes before committing. A transient failure retries the whole command from a
/// clean change tracker; any exception rolls everything back, so a refused command writes nothing.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(AppDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (message, next),
            async (_, state, ct) =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var response = await state.next(state.message, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return response;
            },
            verifySucceeded: null,
            cancellationToken);
    }
}
