using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.UnitTests.Domain;

public sealed class BalanceTests
{
    private static (string, OrganisationKind) Red => ("Red Cross", OrganisationKind.CivicGroup);

    private static (string, OrganisationKind) Town => ("Xiba Town", OrganisationKind.Government);

    private static (string, OrganisationKind) Builder => ("Xiba Construction", OrganisationKind.Enterprise);

    [Fact]
    public void Shares_and_hhi_follow_the_arithmetic()
    {
        var report = Balance.Compute([Red, Red, Town, Builder], participants: 3, hasLead: true, 0, 0, inResponse: true, BalanceRules.Default);

        report.ActiveTasks.ShouldBe(4);
        report.ByOrganisation.Select(s => (s.Name, s.Fraction)).ShouldBe([("Red Cross", 0.5m), ("Xiba Construction", 0.25m), ("Xiba Town", 0.25m)]);
        report.ByKind.Single(s => s.Name == "CivicGroup").Fraction.ShouldBe(0.5m);
        report.Hhi.ShouldBe(0.375m); // 0.25 + 0.0625 + 0.0625
        report.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void One_organisation_with_more_than_60_percent_among_three_participants_is_a_monopoly()
    {
        var report = Balance.Compute([Red, Red, Red, Red, Town], participants: 3, hasLead: true, 0, 0, true, BalanceRules.Default);

        report.Monopoly.ShouldBeTrue();
        report.Warnings.Single().ToString().ShouldBe("Monopoly: Red Cross holds 80% of the active tasks among 3 organisations taking part.");
    }

    [Fact]
    public void With_two_participants_a_dominant_share_is_caught_by_the_hhi()
    {
        Balance.Compute([Red, Red, Red, Town], participants: 2, hasLead: true, 0, 0, true, BalanceRules.Default).Monopoly.ShouldBeTrue();
        Balance.Compute([Red, Town], participants: 2, hasLead: true, 0, 0, true, BalanceRules.Default).Monopoly.ShouldBeFalse();
    }

    [Fact]
    public void No_lead_unassigned_work_and_unanswered_assignments_are_limbo()
    {
        var report = Balance.Compute([], participants: 1, hasLead: false, openUnassignedTooLong: 2, unacknowledgedTooLong: 1, inResponse: true, BalanceRules.Default);

        report.Hhi.ShouldBe(0);
        report.Warnings.Count.ShouldBe(3);
        report.Limbo.ShouldBeTrue();
        Balance.Compute([], 1, hasLead: true, openUnassignedTooLong: 2, 0, inResponse: false, BalanceRules.Default).Limbo.ShouldBeFalse("open tasks in warning are not yet limbo");
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var lenient = new BalanceRules(MonopolyShare: 0.9m, MonopolyHhi: 0.9m);

        Balance.Compute([Red, Red, Red, Red, Town], participants: 3, hasLead: true, 0, 0, true, lenient).Monopoly.ShouldBeFalse();
    }

    [Fact]
    public void Committed_resources_have_their_own_shares_and_unanswered_requests_are_limbo()
    {
        var report = Balance.Compute([Red], participants: 3, hasLead: true, 0, 0, true, BalanceRules.Default, [Builder, Builder, Builder, Red], unansweredRequestsTooLong: 2);

        report.CommittedResources.ShouldBe(4);
        report.ResourcesByOrganisation.Select(s => (s.Name, s.Fraction)).ShouldBe([("Xiba Construction", 0.75m), ("Red Cross", 0.25m)]);
        report.ResourcesByKind.First().Name.ShouldBe("Enterprise");
        report.Warnings.Select(w => w.ToString()).ShouldContain("Limbo: 2 organisation(s) asked for resources have not answered within 4 hours.");
        report.Hhi.ShouldBe(1m, "the HHI is of the tasks");
    }

    [Fact]
    public void One_or_two_active_tasks_are_not_called_a_monopoly_however_they_are_held()
    {
        Balance.Compute([Red], participants: 3, hasLead: true, 0, 0, true, BalanceRules.Default).Monopoly.ShouldBeFalse();
        Balance.Compute([Red, Red], participants: 3, hasLead: true, 0, 0, true, BalanceRules.Default).Monopoly.ShouldBeFalse();
        Balance.Compute([Red, Red, Red], participants: 3, hasLead: true, 0, 0, true, BalanceRules.Default).Monopoly.ShouldBeTrue();
        Balance.Compute([Red], participants: 3, hasLead: true, 0, 0, true, BalanceRules.Default with { MonopolyMinimumTasks = 1 }).Monopoly.ShouldBeTrue();
    }
}
