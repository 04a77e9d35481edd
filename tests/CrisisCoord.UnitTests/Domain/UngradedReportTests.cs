using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.UnitTests.Domain;

/// <summary>A report may come without a grade; whoever verifies it sets one.</summary>
public sealed class UngradedReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_without_a_grade_awaits_one_and_is_handled_as_the_lowest_grade()
    {
        var incident = Ungraded();

        incident.AwaitingGrade.ShouldBeTrue();
        incident.Severity.ShouldBe(Incident.ProvisionalGrade);
        Incident.ProvisionalGrade.ShouldBe(Severity.IV);
    }

    [Theory]
    [InlineData(IncidentState.Warning)]
    [InlineData(IncidentState.Response)]
    public void Verifying_an_ungraded_report_needs_a_grade(IncidentState to)
    {
        var incident = Ungraded();

        Should.Throw<DomainRuleException>(() => incident.TransitionTo(to, "Seen by the town", Now)).Message.ShouldBe(Incident.NeedsGradeMessage);
        Should.Throw<DomainRuleException>(() => incident.Verify(to, "Seen by the town", null, null, GradedResponse.Default, Now)).Message.ShouldBe(Incident.NeedsGradeMessage);
        incident.State.ShouldBe(IncidentState.Reported);
        incident.AwaitingGrade.ShouldBeTrue();
    }

    [Fact]
    public void The_verifier_sets_the_grade_with_the_reason()
    {
        var incident = Ungraded();

        incident.Verify(IncidentState.Response, "Two houses collapsed; confirmed by the town", Severity.III, null, GradedResponse.Default, Now);

        incident.State.ShouldBe(IncidentState.Response);
        incident.Severity.ShouldBe(Severity.III);
        incident.AwaitingGrade.ShouldBeFalse();
        incident.SeverityReason.ShouldBe("Two houses collapsed; confirmed by the town");
        incident.EscalationRequired.ShouldBeFalse();
    }

    [Fact]
    public void A_grade_past_the_leads_level_requires_escalation()
    {
        var incident = Ungraded();

        incident.Verify(IncidentState.Warning, "Dam may fail", Severity.I, AdministrativeLevel.Town, GradedResponse.Default, Now);

        incident.EscalationRequired.ShouldBeTrue();
    }

    [Fact]
    public void A_graded_report_is_verified_as_reported_and_an_ungraded_one_may_be_dismissed()
    {
        var graded = Incident.Report("Smoke at the depot", "", IncidentCategory.AccidentDisaster, Severity.II, "Depot", 30, 114, Now);
        graded.Verify(IncidentState.Warning, "Confirmed", null, null, GradedResponse.Default, Now);
        graded.Severity.ShouldBe(Severity.II);

        var ungraded = Ungraded();
        ungraded.TransitionTo(IncidentState.Dismissed, "A false alarm", Now);
        ungraded.State.ShouldBe(IncidentState.Dismissed);
    }

    [Fact]
    public void Only_an_unverified_report_is_verified()
    {
        var incident = Ungraded();
        incident.Verify(IncidentState.Warning, "Confirmed", Severity.IV, null, GradedResponse.Default, Now);

        Should.Throw<DomainRuleException>(() => incident.Verify(IncidentState.Response, "Again", Severity.II, null, GradedResponse.Default, Now));
        incident.Severity.ShouldBe(Severity.IV);
    }

    [Fact]
    public void Re_grading_an_ungraded_report_to_the_lowest_grade_is_a_real_grade()
    {
        var incident = Ungraded();

        incident.ChangeSeverity(Severity.IV, "Minor", null, GradedResponse.Default);

        incident.AwaitingGrade.ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => incident.ChangeSeverity(Severity.IV, "Again", null, GradedResponse.Default));
    }

    private static Incident Ungraded() =>
        Incident.Report("Cracks in the reservoir dam", "", IncidentCategory.NaturalDisaster, null, "Liuzhuang reservoir", 30.73, 114.05, Now);
}
