namespace CrisisCoord.Domain.Notifications;

/// <summary>What a notification is about; each person chooses per kind how it reaches them (docs/notifications.md).</summary>
public enum NotificationKind
{
    /// <summary>A task was given to the person's organisation.</summary>
    TaskAssigned,

    /// <summary>The person's organisation was asked to answer a resource request.</summary>
    RequestAsked,

    /// <summary>Something the organisation owes falls due soon.</summary>
    ObligationDueSoon,

    /// <summary>Something the organisation owes is overdue (a recorded breach).</summary>
    ObligationBreached,

    /// <summary>The organisation was admitted to an incident it asked to join, or brought into one.</summary>
    AdmittedToIncident,

    /// <summary>A citizens' group admitted or declined the person.</summary>
    MembershipDecided,

    /// <summary>A warning was issued for a place in the organisation's service area.</summary>
    WarningInArea,

    /// <summary>The person's own report was verified, merged into another incident, or dismissed.</summary>
    ReportOutcome,
}

/// <summary>How a kind of notification reaches a person.</summary>
public enum NotificationDelivery
{
    /// <summary>Only in the inbox.</summary>
    InApp,

    /// <summary>In the inbox, and an e-mail at once.</summary>
    Email,

    /// <summary>In the inbox, and in one e-mail an hour listing what came in that hour.</summary>
    HourlyDigest,
}

public static class NotificationDefaults
{
    /// <summary>
    /// What a person gets before choosing: what asks the organisation to act, or is about to lapse or has, is
    /// mailed at once; news that asks nothing comes in the hourly digest.
    /// </summary>
    public static NotificationDelivery For(NotificationKind kind) => kind switch
    {
        NotificationKind.AdmittedToIncident => NotificationDelivery.HourlyDigest,
        _ => NotificationDelivery.Email,
    };
}
