using CrisisCoord.Application.Data;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Obligations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.Application.Features.Obligations;

/// <summary>
/// Puts each breach on the timeline once: the obligations past due now, less those already recorded,
/// each in its own transaction with its own event (on the incident's chain, or the registry's for
/// inventory). The unique breach key makes a second watcher (another instance of the app) harmless.
/// </summary>
public static class BreachWatch
{
    /// <summary>The action name breaches carry on the timeline.</summary>
    public const string Action = "RecordObligationBreach";

    public static async Task<int> RecordNewAsync(AppDbContext db, TimelineRecorder recorder, Notifier notifier, ObligationRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var breached = (await db.FindAsync(rules, ObligationScope.Everyone, ct)).Where(o => o.IsBreachedAt(now)).ToList();
        if (breached.Count == 0)
        {
            return 0;
        }

        var keys = breached.Select(b => b.BreachKey).ToList();
        var known = await db.ObligationBreaches.AsNoTracking().Where(b => keys.Contains(b.Key)).Select(b => b.Key).ToListAsync(ct);
        var recorded = 0;
        foreach (var obligation in breached.Where(b => !known.Contains(b.BreachKey)))
        {
            if (await RecordAsync(db, recorder, notifier, obligation, now, ct))
            {
                recorded++;
            }
        }

        return recorded;
    }

    private static async Task<bool> RecordAsync(AppDbContext db, TimelineRecorder recorder, Notifier notifier, OpenObligation obligation, DateTimeOffset now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                recorder.Begin();
                db.ObligationBreaches.Add(ObligationBreach.Of(obligation, now));
                // Told once, with the breach: a second watcher's insert of the same breach rolls these back too.
                await notifier.ObligationAsync(NotificationKind.ObligationBreached, obligation, token);
                // The system noticed it: no person or organisation acted.
                await recorder.RecordAsync(Action, typeof(ObligationBreach), null, null, now, token);
                await transaction.CommitAsync(token);
                recorder.Committed();
            }, ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another watcher recorded it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
