namespace CrisisCoord.Domain.Notifications;

public enum NotificationMailState
{
    /// <summary>Waiting to be sent (first time, or again after a failure at <see cref="NotificationMail.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Handed to a sender; if it stays so past its lease, the process stopped mid-send and it is <see cref="InDoubt"/>.</summary>
    Sending,

    Sent,

    /// <summary>Gave up after too many failures.</summary>
    Failed,

    /// <summary>A send was interrupted (the process stopped) and the server may have accepted it: not sent again (ADR 0024).</summary>
    InDoubt,
}

/// <summary>
/// One e-mail in the durable outbox: written in the transaction that caused it (or by the hour's digest), sent by a
/// background service, at most once (ADR 0024). Its id is the mail's Message-ID, the same on every attempt.
/// </summary>
public sealed class NotificationMail
{
    public const int SubjectMaxLength = 200;
    public const int ErrorMaxLength = 200;
    public const int MaxAttempts = 8;

    private NotificationMail()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string ToAddress { get; private set; } = "";

    public string ToName { get; private set; } = "";

    /// <summary>One line, at most <see cref="SubjectMaxLength"/>.</summary>
    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>The notification it carries, or none for a digest.</summary>
    public Guid? NotificationId { get; private set; }

    /// <summary>For a digest: the start of the hour it covers; one digest per person and hour (unique).</summary>
    public DateTimeOffset? DigestHour { get; private set; }

    public NotificationMailState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>When the current (or last) attempt was handed to the sender.</summary>
    public DateTimeOffset? AttemptStartedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The kind of the last failure (an exception type), never an address or the server's text.</summary>
    public string LastError { get; private set; } = "";

    public static NotificationMail ForOne(Notification notification, string toAddress, string toName, string subject, string body, DateTimeOffset now) =>
        New(notification.UserId, toAddress, toName, subject, body, notification.Id, null, now);

    public static NotificationMail Digest(Guid userId, string toAddress, string toName, string subject, string body, DateTimeOffset hour, DateTimeOffset now) =>
        New(userId, toAddress, toName, subject, body, null, hour, now);

    private static NotificationMail New(
        Guid userId, string toAddress, string toName, string subject, string body, Guid? notificationId, DateTimeOffset? hour, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            ToAddress = toAddress,
            ToName = Notification.OneLine(toName, 200),
            Subject = Notification.OneLine(subject, SubjectMaxLength),
            Body = body,
            NotificationId = notificationId,
            DigestHour = hour?.ToUniversalTime(),
            State = NotificationMailState.Pending,
            CreatedAt = now.ToUniversalTime(),
            NextAttemptAt = now.ToUniversalTime(),
        };

    /// <summary>
    /// The wait before attempt n+1 after n failures: 1, 2, 4 … minutes, at most an hour, so a mail server that is down
    /// for a while is not hammered and a short outage costs little delay.
    /// </summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
