using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.UnitTests.Localization;

public sealed class ReaderTimeTests
{
    private static readonly TimeZoneInfo Shanghai = ReaderTime.FindZone("Asia/Shanghai")!;
    private static readonly TimeZoneInfo London = ReaderTime.FindZone("Europe/London")!;

    [Fact]
    public void Six_in_the_evening_in_Beijing_is_ten_in_the_morning_UTC() =>
        ReaderTime.ToUtc(new DateTime(2026, 12, 1, 18, 0, 0), Shanghai).ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void London_in_winter_is_UTC_and_in_summer_an_hour_ahead()
    {
        ReaderTime.ToUtc(new DateTime(2026, 12, 1, 18, 0, 0), London).ShouldBe(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero));
        ReaderTime.ToUtc(new DateTime(2026, 7, 1, 18, 0, 0), London).ShouldBe(new DateTimeOffset(2026, 7, 1, 17, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused()
    {
        // 29 March 2026: London's clocks go from 01:00 straight to 02:00.
        var skipped = Should.Throw<SkippedTimeException>(() => ReaderTime.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0), London));
        skipped.ZoneId.ShouldBe("Europe/London");
    }

    [Fact]
    public void A_time_the_clocks_pass_twice_is_the_first() =>
        // 25 October 2026: London's 01:30 happens in summer time (00:30 UTC) and again in winter time (01:30 UTC).
        ReaderTime.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0), London).ShouldBe(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Shows_an_instant_on_each_readers_clock()
    {
        var stored = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        ReaderTime.ToReader(stored, Shanghai).ToString("HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("18:00 +08:00");
        ReaderTime.ToReader(stored, London).ToString("HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("10:00 +00:00");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("China Standard Time")]
    [InlineData("../../etc/passwd")]
    public void Refuses_what_is_not_an_IANA_zone(string? id) => ReaderTime.FindZone(id).ShouldBeNull();

    [Fact]
    public void A_moment_in_a_sentence_is_on_the_recipients_clock_with_the_zone_named_and_utc_for_no_ones()
    {
        var due = new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.Zero);
        var phrase = new Phrase("Notification.DueBy", "Due by {0}: {1}", new Moment(due), "Fill sandbags");

        phrase.ToString().ShouldBe("Due by 2026-12-20 10:00 UTC: Fill sandbags");
        Culture.In("en", phrase.Say).ShouldBe("Due by 2026-12-20 10:00 UTC: Fill sandbags");
        using (ReaderTime.ForRecipient("Asia/Shanghai"))
        {
            Culture.In("en", phrase.Say).ShouldBe("Due by 2026-12-20 18:00 Asia/Shanghai: Fill sandbags");
            Culture.In("zh-CN", phrase.Say).ShouldBe("截止时间 2026-12-20 18:00 Asia/Shanghai：Fill sandbags");
            using (ReaderTime.ForRecipient("Mars/Olympus_Mons"))
            {
                Culture.In("en", phrase.Say).ShouldBe("Due by 2026-12-20 10:00 UTC: Fill sandbags", "an unknown zone is no one's");
            }

            Culture.In("en", phrase.Say).ShouldEndWith("Asia/Shanghai: Fill sandbags", customMessage: "the clock before comes back");
        }

        Culture.In("en", phrase.Say).ShouldBe("Due by 2026-12-20 10:00 UTC: Fill sandbags");
    }
}
