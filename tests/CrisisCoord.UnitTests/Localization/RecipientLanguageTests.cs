using System.Globalization;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Domain.Notifications;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>Mail is written in the recipient's saved language, whoever's request sends it; English when none (ADR 0037).</summary>
public sealed class RecipientLanguageTests
{
    private static readonly PortalLinks Links = new(new Uri("https://portal.example/"));

    [Fact]
    public void A_chinese_recipient_gets_a_chinese_mail_and_an_english_one_english_whatever_the_sender_reads()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // The sender reads Chinese; an English recipient must not get Chinese because of it.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Chinese);
            var item = Notification.For(Guid.NewGuid(), null, NotificationKind.TaskAssigned, "<b>Sandbags</b>", "/Incidents", "k", NotificationDelivery.Email, DateTimeOffset.UtcNow);

            using (RecipientLanguage.Use(null))
            {
                NotificationText.Subject(NotificationKind.TaskAssigned).ShouldBe("CrisisCoord: a task for your organisation");
                NotificationText.Body("Li Wei", [item], Links).ShouldStartWith("Hello Li Wei,\n\nIn CrisisCoord:\n\n- <b>Sandbags</b>\n");
                NotificationText.DigestSubject(3).ShouldBe("CrisisCoord: 3 notifications this hour");
            }

            CultureInfo.CurrentUICulture.Name.ShouldBe(Languages.Chinese, "the sender's language comes back");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
            using (RecipientLanguage.Use("zh-cn"))
            {
                NotificationText.Subject(NotificationKind.TaskAssigned).ShouldBe("CrisisCoord：分派给本组织的任务");
                var body = NotificationText.Body("李伟", [item], Links);
                body.ShouldStartWith("李伟，您好：\n\nCrisisCoord 中：\n\n- <b>Sandbags</b>\n");
                body.ShouldContain("您的收件箱：");
                NotificationText.DigestSubject(3).ShouldBe("CrisisCoord：本小时 3 条通知");
                new CrisisCoord.Domain.Common.Phrase("Notification.TaskAssigned", "Task for your organisation: {0}", "Sandbags").Say().ShouldBe("分派给本组织的任务：Sandbags");
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
