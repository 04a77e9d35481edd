using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Mail;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Obligations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.Application.Notifications;

/// <summary>
/// The notifications nobody's command causes: obligations falling due within <c>Notifications:DueSoonWithin</c>
/// (once per lapse), and each person's hourly digest (once per person and hour). Both are safe to run on
/// several instances at once: unique keys refuse the second writer.
/// </summary>
public static class NotificationWatch
{
    /// <summary>Tells the organisations concerned of obligations due within <paramref name="within"/> from now and not yet told.</summary>
    public static async Task<int> NotifyDueSoonAsync(AppDbContext db, Notifier notifier, ObligationRules rules, TimeSpan within, DateTimeOffset now, CancellationToken ct)
    {
        var soon = (await db.FindAsync(rules, ObligationScope.Everyone, ct))
            .Where(o => !o.IsBreachedAt(now) && o.DueAt - now <= within)
            .ToList();
        if (soon.Count == 0)
        {
            return 0;
        }

        var keys = soon.Select(o => "due:" + o.BreachKey).ToList();
        var told = await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).Distinct().ToListAsync(ct);
        var notified = 0;
        foreach (var obligation in soon.Where(o => !told.Contains("due:" + o.BreachKey)))
        {
            if (await InOwnTransactionAsync(db, token => notifier.ObligationAsync(NotificationKind.ObligationDueSoon, obligation, token), ct))
            {
                notified++;
            }
        }

        return notified;
    }

    /// <summary>
    /// Puts each person's digest items of every hour that has ended into one mail per person and hour, in the
    /// outbox; the items are marked with the mail in the same transaction.
    /// </summary>
    public static async Task<int> BuildDigestsAsync(AppDbContext db, PortalLinks links, DateTimeOffset now, CancellationToken ct)
    {
        var hourStart = HourOf(now);
        var waiting = await db.Notifications.AsNoTracking()
            .Where(n => n.Delivery == NotificationDelivery.HourlyDigest && n.DigestMailId == null && n.CreatedAt < hourStart)
            .Select(n => new { n.UserId, n.CreatedAt })
            .ToListAsync(ct);
        var built = 0;
        foreach (var (userId, hour) in waiting.Select(n => (n.UserId, HourOf(n.CreatedAt))).Distinct())
        {
            if (await InOwnTransactionAsync(db, token => BuildOneAsync(db, links, userId, hour, now, token), ct))
            {
                built++;
            }
        }

        return built;
    }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static async Task BuildOneAsync(AppDbContext db, PortalLinks links, Guid userId, DateTimeOffset hour, DateTimeOffset now, CancellationToken ct)
    {
        var end = hour.AddHours(1);
        var items = await db.Notifications
            .Where(n => n.UserId == userId && n.Delivery == NotificationDelivery.HourlyDigest && n.DigestMailId == null && n.CreatedAt >= hour && n.CreatedAt < end)
            .OrderBy(n => n.Id)
            .ToListAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.EmailConfirmed, u.OrganisationId, u.PreferredLanguage })
            .SingleAsync(ct);
        // What reached the person through an organisation they have since left is not theirs to read any more.
        var current = items.Where(n => n.OrganisationId is null || n.OrganisationId == person.OrganisationId).ToList();
        if (items.Count == 0)
        {
            return;
        }

        // Built by the hourly watch, outside any request: in the recipient's saved language, English when none.
        using var language = RecipientLanguage.Use(person.PreferredLanguage);
        var mail = NotificationMail.Digest(
            userId, person.Email ?? "", person.DisplayName, NotificationText.DigestSubject(current.Count), NotificationText.Body(person.DisplayName, current, links), hour, now);
        // Without a confirmed address (or anything left to tell) the items are still marked, so they are not looked at again.
        if (person.EmailConfirmed && !string.IsNullOrEmpty(person.Email) && current.Count > 0)
        {
            db.NotificationMails.Add(mail);
        }

        foreach (var item in items)
        {
            item.PutInDigest(mail.Id);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs one unit of work in its own transaction; false when another instance did it first (a unique key refused it).</summary>
    private static async Task<bool> InOwnTransactionAsync(AppDbContext db, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await work(token);
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
            }, ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
