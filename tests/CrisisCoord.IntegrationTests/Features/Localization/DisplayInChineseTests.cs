using System.Globalization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Web.Pages;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>How pages word durations, availability, amounts and actions, in each language (ADR 0036). No database needed.</summary>
public sealed class DisplayInChineseTests
{
    private static string In(string culture, Func<string> write)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return write();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    [Theory]
    [InlineData(0, "under a minute", "不到一分钟")]
    [InlineData(45, "45 min", "45 分钟")]
    [InlineData(120, "2 h", "2 小时")]
    [InlineData(135, "2 h 15 min", "2 小时 15 分钟")]
    [InlineData(3 * 24 * 60, "3 d", "3 天")]
    [InlineData((3 * 24 * 60) + (4 * 60) + 5, "3 d 4 h", "3 天 4 小时")]
    public void Overdue_reads_in_each_language(int minutes, string english, string chinese)
    {
        In("en", () => Display.Overdue(minutes)).ShouldBe(english);
        In("zh-CN", () => Display.Overdue(minutes)).ShouldBe(chinese);
    }

    [Fact]
    public void A_span_before_the_mark_reads_earlier()
    {
        In("en", () => Display.Span(TimeSpan.FromMinutes(-75))).ShouldBe("1 h 15 min earlier");
        In("zh-CN", () => Display.Span(TimeSpan.FromMinutes(-75))).ShouldBe("早 1 小时 15 分钟");
        In("zh-CN", () => Display.Span(TimeSpan.FromMinutes(30))).ShouldBe("30 分钟");
    }

    [Fact]
    public void Availability_reads_in_each_language_with_utc_times_kept_for_the_script()
    {
        var from = new DateTimeOffset(2027, 1, 15, 10, 0, 0, TimeSpan.Zero);
        var until = from.AddDays(2);

        In("en", () => Display.Availability(null, null)).ShouldBe("Any time");
        In("en", () => Display.Availability(from, null)).ShouldBe("From 2027-01-15 10:00 UTC");
        In("en", () => Display.Availability(null, until)).ShouldBe("Until 2027-01-17 10:00 UTC");
        In("en", () => Display.Availability(from, until)).ShouldBe("2027-01-15 10:00 UTC – 2027-01-17 10:00 UTC");
        In("zh-CN", () => Display.Availability(null, null)).ShouldBe("随时可用");
        In("zh-CN", () => Display.Availability(from, null)).ShouldBe("自 2027-01-15 10:00 UTC 起");
        In("zh-CN", () => Display.Availability(from, until)).ShouldBe("2027-01-15 10:00 UTC 至 2027-01-17 10:00 UTC");
    }

    [Fact]
    public void Amounts_count_with_plurals_in_english_and_measure_words_in_chinese()
    {
        In("en", () => Display.Amount(6, "boat")).ShouldBe("6 boats");
        In("en", () => Display.Amount(35, "person")).ShouldBe("35 people");
        In("en", () => Display.Need(600, "bed", "Shelter bed")).ShouldBe("600 shelter beds");
        In("en", () => Display.Need(5000, "litre", "Drinking water")).ShouldBe("5,000 litres of drinking water");
        In("zh-CN", () => Display.Amount(6, "boat")).ShouldBe("6 艘");
        In("zh-CN", () => Display.Need(600, "bed", "床位")).ShouldBe("600 张床位");
        In("zh-CN", () => Display.Need(5000, "litre", "饮用水")).ShouldBe("5,000 升饮用水");
        // A unit someone defined, with no word for it, reads as it was typed.
        In("zh-CN", () => Display.Amount(2.5m, "pallet")).ShouldBe("2.5 pallet");
    }

    [Fact]
    public void Actions_kinds_and_states_read_in_each_language()
    {
        In("en", () => Display.Action("LogIncident")).ShouldBe("Log incident");
        In("zh-CN", () => Display.Action("LogIncident")).ShouldBe("登记事件");
        In("zh-CN", () => Display.Action("SomethingRetired")).ShouldBe("Something retired");
        In("en", () => Display.Kind(OrganisationKind.CivicGroup)).ShouldBe("civic group");
        In("zh-CN", () => Display.Kind(OrganisationKind.CivicGroup)).ShouldBe("社会组织");
        In("en", () => Display.Commitment(CommitmentState.EnRoute)).ShouldBe("En route");
        In("zh-CN", () => Display.CommitmentMove(CommitmentState.Arrived)).ShouldBe("标记为已到达");
        In("en", () => Display.Relation(IncidentRelation.Caused, fromThisSide: false)).ShouldBe("Caused by");
        In("zh-CN", () => Display.Relation(IncidentRelation.Caused, fromThisSide: false)).ShouldBe("起因于");
        In("en", () => Display.Distance(12.34)).ShouldBe("12.3 km");
        In("zh-CN", () => Display.Distance(12.34)).ShouldBe("12.3 公里");
    }
}
