using System.Text;
using CrisisCoord.Application.Localization;
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
        NotificationKind.TaskAssigned => Texts.Get("Notification.Kind.TaskAssigned"),
        NotificationKind.RequestAsked => Texts.Get("Notification.Kind.RequestAsked"),
        NotificationKind.ObligationDueSoon => Texts.Get("Notification.Kind.ObligationDueSoon"),
        NotificationKind.ObligationBreached => Texts.Get("Notification.Kind.ObligationBreached"),
        NotificationKind.AdmittedToIncident => Texts.Get("Notification.Kind.AdmittedToIncident"),
        NotificationKind.MembershipDecided => Texts.Get("Notification.Kind.MembershipDecided"),
        NotificationKind.WarningInArea => Texts.Get("Notification.Kind.WarningInArea"),
        NotificationKind.ReportOutcome => Texts.Get("Notification.Kind.ReportOutcome"),
        _ => kind.ToString(),
    };

    public static string Describe(NotificationDelivery delivery) => delivery switch
    {
        NotificationDelivery.InApp => Texts.Get("Notification.Delivery.InApp"),
        NotificationDelivery.Email => Texts.Get("Notification.Delivery.Email"),
        NotificationDelivery.HourlyDigest => Texts.Get("Notification.Delivery.HourlyDigest"),
        _ => delivery.ToString(),
    };

    public static string Subject(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => Texts.Get("Mail.Subject.TaskAssigned"),
        NotificationKind.RequestAsked => Texts.Get("Mail.Subject.RequestAsked"),
        NotificationKind.ObligationDueSoon => Texts.Get("Mail.Subject.ObligationDueSoon"),
        NotificationKind.ObligationBreached => Texts.Get("Mail.Subject.ObligationBreached"),
        NotificationKind.AdmittedToIncident => Texts.Get("Mail.Subject.AdmittedToIncident"),
        NotificationKind.MembershipDecided => Texts.Get("Mail.Subject.MembershipDecided"),
        NotificationKind.WarningInArea => Texts.Get("Mail.Subject.WarningInArea"),
        NotificationKind.ReportOutcome => Texts.Get("Mail.Subject.ReportOutcome"),
        _ => Texts.Get("Mail.Subject.Other"),
    };

    public static string DigestSubject(int count) =>
        count == 1 ? Texts.Get("Mail.Digest.One") : Texts.Format("Mail.Digest.Many", count);

    /// <summary>One mail's text: each notification's line and link, then where to change what is mailed.</summary>
    public static string Body(string name, IReadOnlyList<Notification> items, PortalLinks links)
    {
        var text = new StringBuilder();
        text.Append(Texts.Format("Mail.Hello", Notification.OneLine(name, 200))).Append("\n\n");
        text.Append(items.Count == 1 ? Texts.Get("Mail.InCrisisCoord") : Texts.Format("Mail.InCrisisCoordMany", items.Count)).Append("\n\n");
        foreach (var item in items)
        {
            // Mail is written in the recipient's language (RecipientLanguage), the titles too.
            text.Append("- ").Append(item.TitleIn(Languages.Current)).Append('\n');
            text.Append("  ").Append(links.To(item.Link, new Dictionary<string, string?>())).Append("\n\n");
        }

        text.Append(Texts.Get("Mail.Inbox")).Append(' ').Append(links.To("/Notifications", new Dictionary<string, string?>())).Append('\n');
        text.Append(Texts.Get("Mail.ChooseMailed")).Append(' ').Append(links.To("/Notifications/Preferences", new Dictionary<string, string?>())).Append('\n');
        return text.ToString();
    }
}
