using System.Text;
using CrisisCoord.Application.Mail;
using CrisisCoord.Domain.Notifications;

namespace CrisisCoord.Application.Notifications;

/// <summary>
/// The words of notification e-mails: plain text only, subjects fixed per kind (never what anyone typed, so no
/// header can be forged), and every link built on Mail:PortalUrl.
/// </summary>
public static class NotificationText
{
    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => "Tasks given to your organisation",
        NotificationKind.RequestAsked => "Resource requests your organisation is asked to answer",
        NotificationKind.ObligationDueSoon => "Obligations falling due soon",
        NotificationKind.ObligationBreached => "Obligations overdue",
        NotificationKind.AdmittedToIncident => "Your organisation admitted to an incident",
        NotificationKind.MembershipDecided => "Answers to your request to join a group",
        NotificationKind.WarningInArea => "Warnings in your organisation's area",
        NotificationKind.ReportOutcome => "What became of your reports",
        _ => kind.ToString(),
    };

    public static string Describe(NotificationDelivery delivery) => delivery switch
    {
        NotificationDelivery.InApp => "In the portal only",
        NotificationDelivery.Email => "In the portal and by e-mail at once",
        NotificationDelivery.HourlyDigest => "In the portal and in an hourly e-mail digest",
        _ => delivery.ToString(),
    };

    public static string Subject(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => "CrisisCoord: a task for your organisation",
        NotificationKind.RequestAsked => "CrisisCoord: your organisation is asked for resources",
        NotificationKind.ObligationDueSoon => "CrisisCoord: an obligation falls due soon",
        NotificationKind.ObligationBreached => "CrisisCoord: an obligation is overdue",
        NotificationKind.AdmittedToIncident => "CrisisCoord: your organisation takes part in an incident",
        NotificationKind.MembershipDecided => "CrisisCoord: your request to join a group was answered",
        NotificationKind.WarningInArea => "CrisisCoord: a warning in your area",
        NotificationKind.ReportOutcome => "CrisisCoord: news of your report",
        _ => "CrisisCoord: a notification",
    };

    public static string DigestSubject(int count) =>
        count == 1 ? "CrisisCoord: 1 notification this hour" : $"CrisisCoord: {count} notifications this hour";

    /// <summary>One mail's text: each notification's line and link, then where to change what is mailed.</summary>
    public static string Body(string name, IReadOnlyList<Notification> items, PortalLinks links)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(Notification.OneLine(name, 200)).Append(",\n\n");
        text.Append(items.Count == 1 ? "In CrisisCoord:\n\n" : $"In CrisisCoord, {items.Count} notifications:\n\n");
        foreach (var item in items)
        {
            text.Append("- ").Append(item.Title).Append('\n');
            text.Append("  ").Append(links.To(item.Link, new Dictionary<string, string?>())).Append("\n\n");
        }

        text.Append("Your inbox: ").Append(links.To("/Notifications", new Dictionary<string, string?>())).Append('\n');
        text.Append("Choose what is e-mailed to you: ").Append(links.To("/Notifications/Preferences", new Dictionary<string, string?>())).Append('\n');
        return text.ToString();
    }
}
