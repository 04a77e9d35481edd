using CrisisCoord.Application.Data;
using CrisisCoord.Application.Mail;
using CrisisCoord.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Notifications;

/// <summary>
/// Sends the durable outbox of notification e-mails, at most once each (ADR 0024):
/// <list type="number">
/// <item>a mail is <em>claimed</em> — marked Sending, with the attempt's start, in a committed statement that skips rows
/// another instance has locked — so two instances never both send it;</item>
/// <item>it is handed to the sender with its own stable Message-ID;</item>
/// <item>accepted: marked Sent. Refused or unreachable (the sender threw, so the server did not take it): back to
/// Pending after a back-off, Failed after <see cref="NotificationMail.MaxAttempts"/>.</item>
/// </list>
/// A mail still Sending after <see cref="Lease"/> was interrupted between claim and mark (the process stopped): the
/// server may have accepted it, so it becomes InDoubt and is not sent again. The inbox still has it.
/// </summary>
public sealed class NotificationOutbox(AppDbContext db, IMailSender sender, TimeProvider clock)
{
    public const string MailKind = "Notification";

    /// <summary>Longer than a send can take (connect, authenticate, send: three timeouts of at most five minutes).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(20);

    /// <summary>One round: set aside interrupted sends, then claim and send what is due. Returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(int batch, CancellationToken ct)
    {
        await SetAsideInterruptedAsync(ct);
        var sent = 0;
        foreach (var mail in await ClaimAsync(batch, ct))
        {
            if (await SendClaimedAsync(mail, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Marks up to <paramref name="batch"/> due mails as being sent by this caller, and returns them.</summary>
    public async Task<IReadOnlyList<NotificationMail>> ClaimAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // One statement, so the claim is committed before anything is sent; SKIP LOCKED lets a second instance take other rows.
        return await db.NotificationMails
            .FromSql($"""
                UPDATE notification_mails SET state = 'Sending', attempts = attempts + 1, attempt_started_at = {now}
                WHERE id IN (
                    SELECT id FROM notification_mails
                    WHERE state = 'Pending' AND next_attempt_at <= {now}
                    ORDER BY next_attempt_at
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>Sends one claimed mail and records the outcome; true when the server accepted it.</summary>
    public async Task<bool> SendClaimedAsync(NotificationMail mail, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(ToOutgoing(mail), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The sender threw before the server accepted the message: safe to try again later.
            var now = clock.GetUtcNow();
            var error = ex.GetType().Name;
            var next = now + NotificationMail.BackOff(mail.Attempts);
            var state = mail.Attempts >= NotificationMail.MaxAttempts ? nameof(NotificationMailState.Failed) : nameof(NotificationMailState.Pending);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE notification_mails SET state = {state}, next_attempt_at = {next}, last_error = {error[..Math.Min(error.Length, NotificationMail.ErrorMaxLength)]} WHERE id = {mail.Id} AND state = 'Sending'",
                CancellationToken.None);
            return false;
        }

        // Accepted: whatever happens now, it must not be sent again (not even if the request was cancelled meanwhile).
        var sentAt = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE notification_mails SET state = 'Sent', sent_at = {sentAt}, last_error = '' WHERE id = {mail.Id} AND state = 'Sending'",
            CancellationToken.None);
        return true;
    }

    /// <summary>Sends left half-done by a process that stopped: not knowable whether the server took them, so not resent.</summary>
    public async Task<int> SetAsideInterruptedAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Lease;
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE notification_mails SET state = 'InDoubt' WHERE state = 'Sending' AND attempt_started_at < {before}", ct);
    }

    /// <summary>The mail as the sender takes it; its Message-ID is the row's id, the same on every attempt.</summary>
    public static OutgoingMail ToOutgoing(NotificationMail mail) =>
        new(MailKind, mail.ToAddress, mail.ToName, mail.Subject, mail.Body) { MessageId = $"{mail.Id:N}@crisiscoord.notifications" };
}
