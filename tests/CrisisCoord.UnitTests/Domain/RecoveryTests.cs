using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;

namespace CrisisCoord.UnitTests.Domain;

public sealed class RecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 4, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 2, 50)]
    [InlineData(4, 4, 100)]
    public void Progress_is_the_share_of_milestones_done(int done, int total, int percent) =>
        RecoveryProject.Percent(done, total).ShouldBe(percent);

    [Fact]
    public void Marking_milestones_moves_the_projects_progress_both_ways()
    {
        var project = RecoveryProject.Start(Guid.NewGuid(), Guid.NewGuid(), "Rebuild the pumps", new Budget(10m, "CNY"), null,
            [("Survey", new DateOnly(2026, 12, 10)), ("Replace", new DateOnly(2027, 1, 10))], null, Now);

        project.MarkMilestone(project.Milestones[0].Id, true, Now);
        project.PercentDone.ShouldBe(50);
        project.Milestones[0].DoneAt.ShouldBe(Now);
        project.MarkMilestone(project.Milestones[0].Id, false, Now);
        project.PercentDone.ShouldBe(0);
        project.Milestones[0].DoneAt.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => project.MarkMilestone(Guid.NewGuid(), true, Now));
    }

    [Theory]
    [InlineData(-1, "CNY")]
    [InlineData(1.234, "CNY")]
    [InlineData(1, "cny")]
    [InlineData(1, "EURO")]
    public void A_budget_is_a_non_negative_amount_in_a_currency_code(double amount, string currency) =>
        Should.Throw<ArgumentOutOfRangeException>(() => RecoveryProject.Start(Guid.NewGuid(), Guid.NewGuid(), "Rebuild", new Budget((decimal)amount, currency), null, [], null, Now));

    [Fact]
    public void A_shelter_never_holds_more_than_its_capacity_nor_fewer_than_none()
    {
        var shelter = Shelter.Open(Guid.NewGuid(), Guid.NewGuid(), "Gym", new GeoPlace("Road 1", 30, 114), 100, 40, Now);

        shelter.SetOccupancy(100, Now);
        Should.Throw<DomainRuleException>(() => shelter.SetOccupancy(101, Now)).Message.ShouldContain("over the shelter's capacity (100)");
        Should.Throw<DomainRuleException>(() => shelter.SetOccupancy(-1, Now));
        shelter.Occupancy.ShouldBe(100);
    }

    [Fact]
    public void Handing_out_consumes_stock_but_never_what_is_committed()
    {
        var water = Resource.Register(Guid.NewGuid(), Guid.NewGuid(), new ResourceDetails(100, "Depot", 30, 114, null, null, ""), Now);
        water.Reserve(60);

        water.Consume(40);
        water.Quantity.ShouldBe(60);
        water.Committed.ShouldBe(60);
        Should.Throw<DomainRuleException>(() => water.Consume(0.01m)).Message.ShouldContain("below what is committed");
        water.Quantity.ShouldBe(60);
    }

    [Fact]
    public void Every_kind_may_own_recovery_projects_by_default_in_recovery_only() =>
        Enum.GetValues<OrganisationKind>().ShouldAllBe(kind => DefaultCharter.For(kind, Right.OwnRecoveryProjects) == Phases.Recovery);

    [Fact]
    public void Recovery_events_read_as_sentences_naming_what_changed()
    {
        var bureau = Guid.NewGuid();
        var milestone = Guid.NewGuid();
        var names = new Dictionary<Guid, string> { [bureau] = "City Bureau", [milestone] = "Wash down Gate 3" };
        string Say(string action, string entity, string id, string values) =>
            TimelineSentences.Describe(new RecordedEvent(Now, "Qinghe Red Cross", action, entity, id, $$"""{"changes":[{"entity":"{{entity}}","id":"{{id}}","values":{{values}}}]}"""), names);

        Say("StartRecoveryProject", "RecoveryProject", Guid.NewGuid().ToString(), $$"""{"title":"Flush the channel","ownerOrganisationId":"{{bureau}}","budgetAmount":480000,"budgetCurrency":"CNY"}""")
            .ShouldBe("Qinghe Red Cross started the recovery project “Flush the channel” for City Bureau, budget 480,000 CNY.");
        Say("MarkMilestone", "Milestone", milestone.ToString(), """{"done":{"from":false,"to":true}}""")
            .ShouldBe("Qinghe Red Cross marked the milestone “Wash down Gate 3” done.");
        Say("UpdateShelterOccupancy", "Shelter", Guid.NewGuid().ToString(), """{"occupancy":{"from":212,"to":186}}""")
            .ShouldBe("Qinghe Red Cross recorded 186 people at the shelter.");
        Say("DistributeRelief", "ReliefDistribution", Guid.NewGuid().ToString(), """{"quantity":300,"households":150,"placeName":"Sports hall"}""")
            .ShouldBe("Qinghe Red Cross handed out 300 × relief to 150 households at Sports hall.");
    }
}
