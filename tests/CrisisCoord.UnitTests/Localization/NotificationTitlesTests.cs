using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Notifications;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>A notification's title in each language it was written in, and the amounts inside it (ADR 0039).</summary>
public sealed class NotificationTitlesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_amount_asked_for_reads_as_the_domain_says_it_in_english_and_with_a_measure_word_and_the_agreed_name_in_chinese()
    {
        var blankets = new Phrase("Notification.RequestAsked", "Your organisation is asked for {0}", new Need(1200, "blanket", "Blanket"));
        var water = new Phrase("Notification.RequestAsked", "Your organisation is asked for {0}", new Need(5000, "litre", "Drinking water"));

        blankets.ToString().ShouldBe("Your organisation is asked for 1,200 blankets");
        water.ToString().ShouldBe("Your organisation is asked for 5,000 litres of drinking water");
        using (RecipientLanguage.Use(null))
        {
            blankets.Say().ShouldBe("Your organisation is asked for 1,200 blankets");
            water.Say().ShouldBe("Your organisation is asked for 5,000 litres of drinking water");
        }

        using (RecipientLanguage.Use(Languages.Chinese))
        {
            TextVersions.UseForReader(new Dictionary<string, string> { ["Blanket"] = "毛毯" });
            try
            {
                blankets.Say().ShouldBe("本组织被请求提供1,200 条毛毯");
                water.Say().ShouldBe("本组织被请求提供5,000 升Drinking water", "a name without a version stays as it is stored");
                blankets.ToString().ShouldBe("Your organisation is asked for 1,200 blankets", "the English for logs whoever reads");
            }
            finally
            {
                TextVersions.UseForReader(new Dictionary<string, string>());
            }
        }
    }

    [Fact]
    public void A_title_reads_in_the_language_asked_for_and_falls_back_to_the_title_of_record()
    {
        var titles = new Dictionary<string, string> { [Languages.English] = "Task for your organisation: Fill\nsandbags", [Languages.Chinese] = "分派给本组织的任务：装填\r沙袋" };
        var written = Notification.For(Guid.NewGuid(), null, NotificationKind.TaskAssigned, titles[Languages.English], "/Tasks/Mine", "k", NotificationDelivery.InApp, Now, titles);
        var old = Notification.For(Guid.NewGuid(), null, NotificationKind.TaskAssigned, "Task for your organisation: Fill sandbags", "/Tasks/Mine", "k", NotificationDelivery.InApp, Now);

        written.Title.ShouldBe("Task for your organisation: Fill sandbags");
        written.TitleIn(Languages.Chinese).ShouldBe("分派给本组织的任务：装填 沙袋", "each language is one line too");
        written.TitleIn(Languages.English).ShouldBe("Task for your organisation: Fill sandbags");
        written.TitleIn("fr").ShouldBe(written.Title);
        old.Titles.ShouldBeNull();
        old.TitleIn(Languages.Chinese).ShouldBe("Task for your organisation: Fill sandbags", "written before titles had languages: as written");
    }
}
