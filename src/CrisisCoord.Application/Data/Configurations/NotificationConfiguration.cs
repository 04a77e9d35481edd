using System.Text.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength);
        // Read and written with the notification, never queried apart: one small jsonb document (ADR 0039).
        builder.Property(x => x.Titles)
            .HasColumnType("jsonb")
            .HasConversion(
                v => ToJson(v),
                s => FromJson(s),
                new ValueComparer<IReadOnlyDictionary<string, string>?>(
                    (a, b) => ToJson(a) == ToJson(b),
                    v => ToJson(v).GetHashCode(StringComparison.Ordinal),
                    v => v));
        builder.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(x => x.Key).HasMaxLength(Notification.KeyMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // Once per person and event, however many watchers or retries see it.
        builder.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        // The inbox, newest first (ids are time-ordered), and the bell's unread count.
        builder.HasIndex(x => new { x.UserId, x.Id });
        builder.HasIndex(x => x.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        // The hour's digest finds what waits for it.
        builder.HasIndex(x => x.CreatedAt).HasFilter("delivery = 'HourlyDigest' AND digest_mail_id IS NULL").HasDatabaseName("ix_notifications_digest_pending");
    }

    private static string ToJson(IReadOnlyDictionary<string, string>? titles) => titles is null ? "" : JsonSerializer.Serialize(titles);

    private static IReadOnlyDictionary<string, string>? FromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json);
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(x => new { x.UserId, x.Kind });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationMailConfiguration : IEntityTypeConfiguration<NotificationMail>
{
    public void Configure(EntityTypeBuilder<NotificationMail> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ToAddress).HasMaxLength(256);
        builder.Property(x => x.ToName).HasMaxLength(200);
        builder.Property(x => x.Subject).HasMaxLength(NotificationMail.SubjectMaxLength);
        builder.Property(x => x.LastError).HasMaxLength(NotificationMail.ErrorMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // One digest per person and hour: a second watcher's insert fails instead of mailing twice.
        builder.HasIndex(x => new { x.UserId, x.DigestHour }).IsUnique().HasFilter("digest_hour IS NOT NULL");
        // One mail per notification, for the same reason.
        builder.HasIndex(x => x.NotificationId).IsUnique().HasFilter("notification_id IS NOT NULL");
        // What the sender claims next.
        builder.HasIndex(x => x.NextAttemptAt).HasFilter("state = 'Pending'").HasDatabaseName("ix_notification_mails_due");
    }
}
