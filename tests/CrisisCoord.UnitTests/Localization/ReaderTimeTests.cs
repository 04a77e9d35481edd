using CrisisCoord.Application.Localization;

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
}
