using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Notifications;

namespace CrisisCoord.Web.Pages;

/// <summary>How notification kinds read in the inbox.</summary>
public static class NotificationDisplay
{
    public static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => Texts.Get("Notifications.Kind.TaskAssigned"),
        NotificationKind.RequestAsked => Texts.Get("Notifications.Kind.RequestAsked"),
        NotificationKind.ObligationDueSoon => Texts.Get("Notifications.Kind.ObligationDueSoon"),
        NotificationKind.ObligationBreached => Texts.Get("Notifications.Kind.ObligationBreached"),
        NotificationKind.AdmittedToIncident => Texts.Get("Notifications.Kind.AdmittedToIncident"),
        NotificationKind.MembershipDecided => Texts.Get("Notifications.Kind.MembershipDecided"),
        NotificationKind.WarningInArea => Texts.Get("Notifications.Kind.WarningInArea"),
        NotificationKind.ReportOutcome => Texts.Get("Notifications.Kind.ReportOutcome"),
        _ => kind.ToString(),
    };
}
