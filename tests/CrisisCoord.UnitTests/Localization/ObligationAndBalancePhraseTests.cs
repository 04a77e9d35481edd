using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>
/// Obligations' bounds and subjects and the balance warnings are phrases: English reads exactly as it always did
/// (as the record and the log keep it, and as an English reader reads it), Chinese in Chinese.
/// </summary>
public sealed class ObligationAndBalancePhraseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly ObligationRules Rules = ObligationRules.Default;

    private static readonly Phrase[] Subjects =
    [
        Rules.AcknowledgeTaskOf(Guid.NewGuid(), "Clear the road", Guid.NewGuid(), Guid.NewGuid(), T0, IncidentState.Response).Subject,
        Rules.SituationReportOf(Guid.NewGuid(), Guid.NewGuid(), isLead: true, T0, null, null).Subject,
        Rules.SituationReportOf(Guid.NewGuid(), Guid.NewGuid(), isLead: false, T0, null, null).Subject,
        Rules.ConfirmInventoryOf(Guid.NewGuid(), "Blanket", "Red Cross depot, Qinghe North", Guid.NewGuid(), T0, T0).Subject,
        Rules.AnswerResourceRequestOf(Guid.NewGuid(), new Need(1200, "blanket", "Blanket"), Guid.NewGuid(), Guid.NewGuid(), T0).Subject,
        Rules.AnswerResourceRequestOf(Guid.NewGuid(), new Need(300, "litre", "Drinking water"), Guid.NewGuid(), Guid.NewGuid(), T0).Subject,
        Rules.SetObjectivesOf(Guid.NewGuid(), Guid.NewGuid(), Phases.Response, T0).Subject,
    ];

    private static readonly IReadOnlyList<Phrase> Warnings =
    [
        .. Balance.Compute([("Red Cross", OrganisationKind.CivicGroup), ("Red Cross", OrganisationKind.CivicGroup), ("Red Cross", OrganisationKind.CivicGroup), ("Red Cross", OrganisationKind.CivicGroup), ("Xiba Town", OrganisationKind.Government)],
            participants: 3, hasLead: false, openUnassignedTooLong: 2, unacknowledgedTooLong: 1, inResponse: true, BalanceRules.Default, unansweredRequestsTooLong: 3).Warnings,
        .. Balance.Compute([("Red Cross", OrganisationKind.CivicGroup), ("Red Cross", OrganisationKind.CivicGroup), ("Red Cross", OrganisationKind.CivicGroup), ("Xiba Town", OrganisationKind.Government)],
            participants: 2, hasLead: true, 0, 0, inResponse: true, BalanceRules.Default).Warnings,
    ];

    [Fact]
    public void English_reads_as_before_in_the_record_and_to_an_english_reader()
    {
        string[] subjects =
        [
            "Accept or decline the task \"Clear the road\"",
            "Situation report as lead, every 6 h",
            "Situation report, every 12 h",
            "Confirm the inventory of Blanket at Red Cross depot, Qinghe North",
            "Answer the request for 1,200 blankets",
            "Answer the request for 300 litres of drinking water",
            "Set objectives for the response phase",
        ];
        Subjects.Select(s => s.ToString()).ShouldBe(subjects);
        Culture.In(Languages.English, () => Subjects.Select(s => s.Say()).ToList()).ShouldBe(subjects);

        string[] bounds = ["30 min in response, 4 h otherwise", "every 12 h (lead: every 6 h)", "4 h", "every 24 h", "2 h after the phase starts"];
        Enum.GetValues<Obligation>().Select(o => Rules.Bound(o).ToString()).ShouldBe(bounds);
        Culture.In(Languages.English, () => Enum.GetValues<Obligation>().Select(o => Rules.Bound(o).Say()).ToList()).ShouldBe(bounds);
        Culture.In(Languages.English, () => ObligationRules.Span(TimeSpan.FromDays(2)).Say()).ShouldBe("2 d");
        Culture.In(Languages.English, () => ObligationRules.Span(TimeSpan.FromMinutes(90)).Say()).ShouldBe("1 h 30 min");

        string[] warnings =
        [
            "Monopoly: Red Cross holds 80% of the active tasks among 3 organisations taking part.",
            "Limbo: no lead organisation is named.",
            "Limbo: 2 task(s) open and unassigned for more than 60 minutes.",
            "Limbo: 1 assigned task(s) not accepted or declined within 60 minutes.",
            "Limbo: 3 organisation(s) asked for resources have not answered within 4 hours.",
            "Monopoly: the work is concentrated (HHI 0.63, above 0.50).",
        ];
        Warnings.Select(w => w.ToString()).ShouldBe(warnings);
        Culture.In(Languages.English, () => Warnings.Select(w => w.Say()).ToList()).ShouldBe(warnings);
    }

    [Fact]
    public void Chinese_reads_in_chinese()
    {
        Culture.In(Languages.Chinese, () => Subjects.Select(s => s.Say()).ToList()).ShouldBe(
        [
            "接受或拒绝任务“Clear the road”",
            "作为牵头单位报送情况报告，每 6 小时一次",
            "报送情况报告，每 12 小时一次",
            "确认Red Cross depot, Qinghe North的Blanket库存",
            "答复资源请求：1,200 条Blanket",
            "答复资源请求：300 升Drinking water",
            "设定响应阶段的目标",
        ]);
        Culture.In(Languages.Chinese, () => Enum.GetValues<Obligation>().Select(o => Rules.Bound(o).Say()).ToList()).ShouldBe(
            ["响应阶段 30 分钟，其他阶段 4 小时", "每 12 小时一次（牵头单位：每 6 小时一次）", "4 小时", "每 24 小时一次", "阶段开始后 2 小时内"]);
        Culture.In(Languages.Chinese, () => ObligationRules.Span(TimeSpan.FromDays(2)).Say()).ShouldBe("2 天");
        Culture.In(Languages.Chinese, () => ObligationRules.Span(TimeSpan.FromMinutes(90)).Say()).ShouldBe("1 小时 30 分钟");
        Culture.In(Languages.Chinese, () => Warnings.Select(w => w.Say()).ToList()).ShouldBe(
        [
            "工作过度集中：3 个参与组织中，Red Cross承担了 80% 的进行中任务。",
            "无人负责：尚未指定牵头单位。",
            "无人负责：2 项任务待认领，超过 60 分钟未分派。",
            "无人负责：1 项已分派的任务在 60 分钟内未被接受或拒绝。",
            "无人负责：3 个被申请资源的组织未在 4 小时内答复。",
            "工作过度集中：任务集中于少数组织（HHI 0.63，高于 0.50）。",
        ]);
    }

    [Fact]
    public void Monopoly_and_limbo_are_told_apart_by_the_key_not_the_english()
    {
        var limbo = new BalanceReport(0, [], [], 0, [new Phrase("Balance.Limbo.NoLead", "Monopoly-looking English")]);
        limbo.Limbo.ShouldBeTrue();
        limbo.Monopoly.ShouldBeFalse();
        var monopoly = new BalanceReport(0, [], [], 0, [new Phrase("Balance.Monopoly.Concentrated", "Limbo-looking English")]);
        monopoly.Monopoly.ShouldBeTrue();
        monopoly.Limbo.ShouldBeFalse();
    }
}
