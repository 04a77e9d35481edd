using CrisisCoord.Domain.Notifications;

namespace CrisisCoord.Web.Pages;

/// <summary>How notification kinds read in the inbox.</summary>
public static class NotificationDisplay
{
    public static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => "Task",
        NotificationKind.RequestAsked => "Resource request",
        NotificationKind.ObligationDueSoon => "Due soon",
        NotificationKind.ObligationBreached => "Overdue",
        NotificationKind.AdmittedToIncident => "Admitted",
        NotificationKind.MembershipDecided => "Membership",
        NotificationKind.WarningInArea => "Warning",
        NotificationKind.ReportOutcome => "Your report",
        _ => kind.ToString(),
    };
}
